package io.vgtx.core.sharing;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.match.Match;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.match.MatchQuery;
import io.vgtx.core.match.MatchResult;
import io.vgtx.core.match.Matcher;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.ration.HiddenAnswers;
import io.vgtx.core.ration.HiddenQuota;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.hashing.pdq.Dihedral;
import io.vgtx.hashing.pdq.PdqHash;
import io.vgtx.hashing.pdq.PdqResult;
import io.vgtx.index.hamming.Code256;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Matching with the distribution rules applied: an asker gets the entries it may see; for a matching
 * entry it may not see it gets a hit/no-hit answer naming the owner to contact, and the owner is told
 * who asked (once per request) — never the other way round.
 *
 * <p>Hit/no-hit answers are not an oracle for the hidden entry's value (issue 14): they use the node's threshold (31),
 * never the asker's, and {@link HiddenAnswers} rations them per organisation, entry and day. An entry silenced by the
 * ration is left out of everything that follows (victim identifications, the hooks, what a report records), and the
 * owners' notifications are queued, not written on the request's path, so neither the answer nor its timing says
 * whether a silenced entry matched.
 */
public final class SharedMatching {
    public static final int MAX_HASHES = 10_000;
    public static final int MIN_QUALITY = 50;
    /** Changes a lookup applies itself before it looks (a few ms at most); a larger backlog goes in in the background. */
    static final int INLINE_CATCH_UP = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SharedMatching.class);
    /** Fewer hashes than this are looked up on the request's own thread: splitting them costs more than it saves. */
    private static final int PARALLEL_FROM = 8;

    private final Database database;
    private final BankStore store;
    private final BankRecipients recipients;
    private final Organisations organisations;
    private final MatchIndex index;
    private final ChangeLog changes;
    private final Matcher matcher;
    private final AuditLog audit;
    private final SharingHooks hooks;
    private final HiddenAnswers hidden;
    private final AtomicLong matchedHashes = new AtomicLong();
    private final AtomicLong queriedHashes = new AtomicLong();
    /** Whether a background catch-up is running. */
    private final AtomicBoolean catchingUp = new AtomicBoolean();

    public SharedMatching(Database database, BankStore store, BankRecipients recipients, Organisations organisations,
                          MatchIndex index, Notifications notifications, AuditLog audit) {
        this(database, store, recipients, organisations, index, notifications, audit, SharingHooks.NONE);
    }

    /** As above, with what casework adds to every answer: victim identifications, and deconfliction alerts. */
    public SharedMatching(Database database, BankStore store, BankRecipients recipients, Organisations organisations,
                          MatchIndex index, Notifications notifications, AuditLog audit, SharingHooks hooks) {
        this(database, store, recipients, organisations, index, notifications, audit, hooks,
                new HiddenAnswers(database, InstantSource.system(), notifications, audit, HiddenQuota.DEFAULT_ANSWERS_PER_DAY));
    }

    /** As above, with hidden answers rationed by {@code hidden} (the node's, started, with its clock and quota). */
    public SharedMatching(Database database, BankStore store, BankRecipients recipients, Organisations organisations,
                          MatchIndex index, Notifications notifications, AuditLog audit, SharingHooks hooks, HiddenAnswers hidden) {
        this.hooks = hooks;
        this.hidden = hidden;
        this.database = database;
        this.store = store;
        this.recipients = recipients;
        this.organisations = organisations;
        this.index = index;
        this.changes = new ChangeLog(database.jdbi());
        this.matcher = new Matcher(store, index);
        this.audit = audit;
    }

    /**
     * Looks up each hash. {@code threshold} applies to the entries the asker may see; hidden entries answer at the
     * node's threshold (31), rationed.
     *
     * @throws IllegalArgumentException for more than {@value #MAX_HASHES} hashes or a threshold outside 0..31
     */
    public List<QueryResult> match(Principal principal, List<HashQuery> queries, int threshold) {
        return answer(principal, queries, threshold).results();
    }

    /**
     * A query's answer, with the entries behind its hits (matching entries the asker may not see): for the node's own
     * record of what something relied on (a report's assessment), so that their retraction reaches the asker as a hit
     * would. Never for the asker's eyes.
     */
    public record Recorded(QueryResult result, List<Long> hiddenEntryIds) {
        public Recorded {
            Objects.requireNonNull(result, "result");
            hiddenEntryIds = List.copyOf(hiddenEntryIds);
        }
    }

    /** As {@link #match}, each answer with the entries behind its hits. */
    public List<Recorded> matchRecorded(Principal principal, List<HashQuery> queries, int threshold) {
        Answered answered = answer(principal, queries, threshold);
        List<Recorded> recorded = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            recorded.add(new Recorded(answered.results().get(i), answered.found().get(i).stream().map(Match::entry)
                    .filter(entry -> !answered.sight().canSee(entry)).map(Entry::id).distinct().toList()));
        }
        return recorded;
    }

    private record Answered(List<QueryResult> results, List<List<Match>> found, Sight sight) {}

    private Answered answer(Principal principal, List<HashQuery> queries, int threshold) {
        AccessDeniedException.require(principal, Permission.READ);
        if (queries.size() > MAX_HASHES) throw new IllegalArgumentException("at most " + MAX_HASHES + " hashes per request, not " + queries.size());
        checkThreshold(threshold);
        catchUp();
        Sight sight = Sight.of(principal, store, recipients);
        // The lookups run on all cores: a PDQ range search costs ~20 µs at 1 M entries (~80 µs at 10 M), so a request of
        // 100 hashes would otherwise wait 2-8 ms on one core while the others idle. Low-quality PDQ is not looked up. Answering stays sequential.
        List<Integer> looked = IntStream.range(0, queries.size()).filter(i -> !isLowQuality(queries.get(i))).boxed().toList();
        // Always the node's threshold: the asker's applies below, to what it may see only.
        List<List<Match>> matched = matcher.matchHashes(looked.stream()
                .map(i -> new Matcher.Lookup(queries.get(i).type(), queries.get(i).value())).toList(), PdqSignal.DEFAULT_THRESHOLD,
                queries.size() >= PARALLEL_FROM);
        List<List<Match>> all = new ArrayList<>(Collections.nCopies(queries.size(), List.of()));
        for (int k = 0; k < looked.size(); k++) all.set(looked.get(k), matched.get(k));
        List<HiddenAnswers.Asked> asked = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            HashQuery query = queries.get(i);
            List<Code256> hashes = query.type() == PdqSignal.PDQ && !isLowQuality(query) ? List.of(Code256.fromHex(query.value())) : List.of();
            asked.add(asked(sight, hashes, all.get(i), match -> hashes.getFirst()));
        }
        HiddenAnswers.Rationed rationed = hidden.ration(principal, asked);
        List<List<Match>> found = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) found.add(rationed(sight, all.get(i), threshold, rationed.answered().get(i)));
        Answering answering = new Answering(sight, victimIdentifications(found));
        List<QueryResult> results = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) results.add(answering.answer(queries.get(i), found.get(i), isLowQuality(queries.get(i))));
        answering.record(principal, queries, found, rationed.nearQueries());
        return new Answered(results, found, sight);
    }

    /** One query's hashes and the hidden PDQ entries found within 31 bits of them, for the ration. */
    private static HiddenAnswers.Asked asked(Sight sight, List<Code256> hashes, List<Match> found,
                                             java.util.function.Function<Match, Code256> matchedHash) {
        if (hashes.isEmpty()) return new HiddenAnswers.Asked(List.of(), List.of());
        List<HiddenAnswers.Hit> hits = new ArrayList<>();
        for (Match match : found) {
            Entry entry = match.entry();
            if (match.type() != PdqSignal.PDQ || sight.canSee(entry)) continue;
            hits.add(new HiddenAnswers.Hit(entry.id(), sight.bank(entry.bankId()).orElseThrow().owner(),
                    Code256.fromHex(entry.data().value()), matchedHash.apply(match)));
        }
        return new HiddenAnswers.Asked(hashes, hits);
    }

    /**
     * What the asker is answered from: the entries it may see within its own threshold, exact digests of hidden entries
     * (they say no more than it sent), and the hidden PDQ entries the ration answers; silenced ones are dropped here.
     */
    private static List<Match> rationed(Sight sight, List<Match> found, int threshold, Set<Long> answered) {
        if (found.isEmpty()) return found;
        List<Match> kept = new ArrayList<>(found.size());
        for (Match match : found) {
            boolean pdq = match.type() == PdqSignal.PDQ;
            if (sight.canSee(match.entry()) ? !pdq || match.distance() <= threshold : !pdq || answered.contains(match.entry().id()))
                kept.add(match);
        }
        return kept;
    }

    /** The identifications of the series the matching entries belong to. */
    private Map<String, VictimIdentification> victimIdentifications(List<List<Match>> found) {
        Set<String> series = new HashSet<>();
        for (List<Match> matches : found) {
            for (Match match : matches) match.entry().data().series().ifPresent(series::add);
        }
        return victimIdentifications(series);
    }

    /**
     * Those of these series whose victim has been identified, as they are now: what matches and hits are annotated
     * from (e.g. the matches a report kept, when it is read). Series names stay with the caller: never show them to
     * whoever may not see the entry.
     */
    public Map<String, VictimIdentification> victimIdentifications(Set<String> series) {
        return hooks.victimIdentifications(series);
    }

    private static boolean isLowQuality(HashQuery query) {
        return query.type() == PdqSignal.PDQ && query.quality().map(q -> q < MIN_QUALITY).orElse(false);
    }

    /** Looks up content hashed in memory: its digests exactly, its PDQ hash in all eight orientations. */
    public QueryResult matchContent(Principal principal, HashQuery described, MatchQuery content) {
        AccessDeniedException.require(principal, Permission.READ);
        catchUp();
        MatchResult result = matcher.match(content);
        Sight sight = Sight.of(principal, store, recipients);
        Map<Dihedral, PdqHash> variants = content.pdq().filter(pdq -> !result.lowQualityPdq())
                .map(pdq -> pdq.hasDihedral() ? pdq.dihedral() : Map.of(Dihedral.ORIG, pdq.hash())).orElse(Map.of());
        List<Code256> hashes = variants.values().stream().map(SharedMatching::code).distinct().toList();
        HiddenAnswers.Rationed rationed = hidden.ration(principal, List.of(asked(sight, hashes, result.matches(),
                match -> code(variants.get(match.transform().orElse(Dihedral.ORIG))))));
        List<Match> found = rationed(sight, result.matches(), content.threshold(), rationed.answered().getFirst());
        Answering answering = new Answering(sight, victimIdentifications(List.of(found)));
        QueryResult answer = answering.answer(described, found, result.lowQualityPdq());
        answering.record(principal, List.of(described), List.of(found), rationed.nearQueries());
        return answer;
    }

    private static Code256 code(PdqHash hash) {
        return new Code256(hash.w0(), hash.w1(), hash.w2(), hash.w3());
    }

    /** The ration of hidden answers (its background writer is the node's to start and stop). */
    public HiddenAnswers hiddenAnswers() {
        return hidden;
    }

    /** Hashes (or pieces of content) looked up so far. */
    public long queriedHashes() {
        return queriedHashes.get();
    }

    /** Hashes queried so far that had at least one match or hit. */
    public long matchedHashes() {
        return matchedHashes.get();
    }

    public MatchIndex index() {
        return index;
    }

    /**
     * Brings the index up to the change log now, waiting for a catch-up under way. After a write, so that its writer
     * waits for the index (seconds for a million imported entries) and its next lookup finds what it wrote.
     */
    public void refreshIndex() {
        if (changes.lastSeq() > index.appliedSeq()) index.catchUp(changes);
    }

    /**
     * Brings the index up to the change log before a lookup, so a change made a moment ago (by the API or the CLI)
     * counts. A lookup never waits seconds for a large import to go in, though: when a catch-up is under way it goes on
     * with the changes applied so far, and a backlog of more than {@value #INLINE_CATCH_UP} changes (an import by the
     * CLI) is applied in the background while lookups go on. A retracted entry still in the index never matches:
     * entries are read back, and only active ones answer.
     */
    private void catchUp() {
        long behind = changes.lastSeq() - index.appliedSeq();
        if (behind <= 0) return;
        if (behind <= INLINE_CATCH_UP) index.catchUpUnlessBusy(changes);
        else catchUpInBackground();
    }

    /** Starts one background catch-up unless one is running; a failure is logged and the next lookup tries again. */
    private void catchUpInBackground() {
        if (!catchingUp.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("vgtx-index-catch-up").start(() -> {
            try {
                index.catchUp(changes);
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("the match index could not catch up with the change log; the next lookup tries again");
            } finally {
                catchingUp.set(false);
            }
        });
    }

    private static void checkThreshold(int threshold) {
        if (threshold < 0 || threshold > PdqSignal.DEFAULT_THRESHOLD)
            throw new IllegalArgumentException("threshold must be 0.." + PdqSignal.DEFAULT_THRESHOLD + ", not " + threshold);
    }

    /** One request's answers, and what they oblige: notifications to owners of hidden matches (queued), an audit event. */
    private final class Answering {
        private final Sight sight;
        private final Map<String, VictimIdentification> identified;
        private final Map<String, TreeSet<Long>> hiddenByOwner = new TreeMap<>();
        private final Map<String, Optional<String>> contacts = new LinkedHashMap<>();
        /** Other organisations' entries the asker was shown; made on the first, so a request without one allocates nothing. */
        private Set<Long> shown;
        private long restrictedSeen;
        private long answered;
        private long queried;
        private long withVisibleMatch;
        private long withHitOnly;

        Answering(Sight sight, Map<String, VictimIdentification> identified) {
            this.sight = sight;
            this.identified = identified;
        }

        QueryResult answer(HashQuery query, List<Match> found, boolean lowQuality) {
            List<Match> visible = new ArrayList<>();
            Map<String, VictimIdentification> identifications = new TreeMap<>();
            Map<String, Hit> hits = new LinkedHashMap<>();
            for (Match match : found) {
                Entry entry = match.entry();
                Optional<VictimIdentification> identification = entry.data().series().map(identified::get);
                if (sight.canSee(entry)) {
                    visible.add(match);
                    if (!sight.owns(entry)) {
                        if (shown == null) shown = new HashSet<>();
                        shown.add(entry.id());
                    }
                    identification.ifPresent(i -> identifications.put(entry.data().series().orElseThrow(), i));
                    if (Sight.isRestricted(entry)) restrictedSeen++;
                } else {
                    String owner = sight.bank(entry.bankId()).orElseThrow().owner();
                    hiddenByOwner.computeIfAbsent(owner, o -> new TreeSet<>()).add(entry.id());
                    // Victim identified is told with a hit (never the series' name): the earliest identification wins.
                    boolean victimIdentified = entry.data().victimIdentified() || identification.isPresent();
                    hits.merge(owner, new Hit(owner, contact(owner), victimIdentified, identification), Hit::merge);
                }
            }
            if (!found.isEmpty()) answered++;
            queried++;
            if (!visible.isEmpty()) withVisibleMatch++;
            else if (!hits.isEmpty()) withHitOnly++;
            return new QueryResult(query, visible, List.copyOf(hits.values()), lowQuality, identifications);
        }

        private Optional<String> contact(String owner) {
            return contacts.computeIfAbsent(owner, o -> organisations.findByName(o).flatMap(Organisation::contact));
        }

        /**
         * Notifies each owner of hidden matches once and audits restricted reads and hits, in one write, together with
         * what the hooks make of the answers (deconfliction alerts).
         */
        void record(Principal principal, List<HashQuery> queries, List<List<Match>> found, Map<Long, Long> nearQueries) {
            matchedHashes.addAndGet(answered);
            queriedHashes.addAndGet(queried);
            Optional<Consumer<Handle>> followUp = hooks.matched(principal, queries, found);
            // The owners of hidden matches are told off this request's path (queued), so a hit costs the asker no write.
            hidden.told(principal, hiddenByOwner, nearQueries);
            if (restrictedSeen > 0 || followUp.isPresent()) write(principal, followUp);
            // Not writes: the hooks note who relied on which entry, and the request's counts, to be written later, off this
            // request's path.
            if (shown != null) hooks.shown(principal, shown);
            hooks.answered(principal, new MatchTally(queried, withVisibleMatch, withHitOnly));
        }

        private void write(Principal principal, Optional<Consumer<Handle>> followUp) {
            database.write(handle -> {
                followUp.ifPresent(write -> write.accept(handle));
                if (restrictedSeen == 0) return null;
                // Hits are audited with their notifications (match.hit), off this path.
                audit.append(handle, Actor.of(principal), "match.query", "match", Outcome.OK, Map.of(
                        "restricted_matches", String.valueOf(restrictedSeen)));
                return null;
            });
        }
    }
}
