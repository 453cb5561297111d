package io.vgtx.core.report;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.input.StatedTime;
import io.vgtx.core.match.Match;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.policy.Viewer;
import io.vgtx.core.policy.Visibility;
import io.vgtx.core.report.ReportDetail.HashResult;
import io.vgtx.core.report.ReportDetail.Relation;
import io.vgtx.core.report.ReportDetail.ReportMatch;
import io.vgtx.core.report.ReportStore.HiddenEntry;
import io.vgtx.core.report.ReportStore.StoredHit;
import io.vgtx.core.report.ReportStore.StoredMatch;
import io.vgtx.core.sharing.Hit;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report workflow with the taskforce's rules applied.
 * <ul>
 *   <li>An ACTIVE organisation's ANALYST or ADMIN makes a report; the same organisation assesses it. Assessing
 *       matches the report's hashes through {@link SharedMatching} as the assessor, so the distribution rules hold
 *       (owners of entries it may not see are told, and it gets their contact), and an illegal verdict routes the
 *       report at once ({@link ReportRouting}).</li>
 *   <li>The reporting organisation and the organisations a report was routed to read it (ADMIN, ANALYST, VIEWER)
 *       and record its takedown steps (ANALYST, ADMIN). To every other organisation it does not exist: not found,
 *       never "forbidden", so that its existence does not leak.</li>
 *   <li>The matches found at assessment are shown to each reader as that reader may see them now: an entry it may
 *       not see becomes a hit/no-hit answer naming the entry's owner.</li>
 *   <li>Every step and every read appends an audit event; URLs and hash values never go into one.</li>
 * </ul>
 */
public final class Reports {
    public static final int MAX_PAGE = 100;
    private static final SortedSet<Long> NONE = new java.util.TreeSet<>();
    /** The latest end a statistics window may have; a later one means the same (and would overflow the stored millis). */
    private static final Instant LATEST_WINDOW_END = Instant.parse("9999-12-31T23:59:59Z");

    private final Database database;
    private final InstantSource clock;
    private final Organisations organisations;
    private final BankStore store;
    private final BankRecipients recipients;
    private final SharedMatching matching;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ReportSettings settings;
    private final ReportTouches touches;

    public Reports(Database database, InstantSource clock, Organisations organisations, BankStore store, BankRecipients recipients,
                   SharedMatching matching, Notifications notifications, AuditLog audit, ReportSettings settings) {
        this(database, clock, organisations, store, recipients, matching, notifications, audit, settings, ReportTouches.none());
    }

    /** As above, telling {@code touches} of every report assessed illegal, in the assessment's transaction. */
    public Reports(Database database, InstantSource clock, Organisations organisations, BankStore store, BankRecipients recipients,
                   SharedMatching matching, Notifications notifications, AuditLog audit, ReportSettings settings,
                   ReportTouches touches) {
        this.touches = touches;
        this.database = database;
        this.clock = clock;
        this.organisations = organisations;
        this.store = store;
        this.recipients = recipients;
        this.matching = matching;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
    }

    public ReportSettings settings() {
        return settings;
    }

    /**
     * A new report of the principal's organisation, RECEIVED.
     *
     * @throws IllegalArgumentException naming {@code reportedAt} when it is in the future
     */
    public Report create(Principal principal, NewReport report) {
        AccessDeniedException.require(principal, Permission.WRITE);
        Instant now = now();
        Instant reportedAt = report.reportedAt().map(t -> t.truncatedTo(ChronoUnit.MILLIS)).orElse(now);
        StatedTime.check("reportedAt", reportedAt, now, Duration.ZERO);
        return database.write(handle -> {
            long id = ReportStore.insert(handle, principal.organisationId(), Step.by(principal, now), report, reportedAt);
            audit.append(handle, Actor.of(principal), "report.create", subject(id), Outcome.OK, Map.of(
                    "source", report.source().name(), "hosting_country", report.hostingCountry(),
                    "hashes", String.valueOf(report.hashes().size()), "url", String.valueOf(report.url().isPresent())));
            return ReportStore.find(handle, id).orElseThrow();
        });
    }

    /**
     * The reporting organisation's assessment of a RECEIVED report: its hashes are matched as the assessor may see
     * them, and the matches and hits kept with it; an illegal report is then routed.
     *
     * @throws NotFoundException          unless the principal's organisation may read the report
     * @throws AccessDeniedException      for a receiver: only the reporting organisation assesses
     * @throws ReportTransitionException  unless the report is RECEIVED
     */
    public ReportDetail assess(Principal principal, long id, ReportVerdict verdict) {
        AccessDeniedException.require(principal, Permission.WRITE);
        Report report = readable(principal, id);
        requireReporter(principal, report, "assesses");
        ReportState to = verdict.illegal() ? ReportState.ASSESSED : ReportState.NOT_ILLEGAL;
        requireState(report, to, ReportState.RECEIVED, "it was assessed already");
        // Matching writes its own notifications and audit event, so it runs before (not inside) this write.
        List<SharedMatching.Recorded> found = report.hashes().isEmpty() ? List.of()
                : matching.matchRecorded(principal, report.hashes(), PdqSignal.DEFAULT_THRESHOLD);
        List<StoredMatch> matches = new ArrayList<>();
        List<StoredHit> hits = new ArrayList<>();
        List<HiddenEntry> hidden = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            for (Match m : found.get(i).result().matches())
                matches.add(new StoredMatch(i, m.entry().id(), m.entry().bankId(), m.type().name(), m.distance(), m.entry().data().category()));
            for (Hit h : found.get(i).result().hits())
                hits.add(new StoredHit(i, h.organisation(), h.contact(), h.victimIdentified(), h.identification()));
            for (long entryId : found.get(i).hiddenEntryIds()) hidden.add(new HiddenEntry(i, entryId));
        }
        List<Organisation> everyone = verdict.illegal() ? organisations.list() : List.of();
        Instant now = now();
        database.write(handle -> {
            Report current = ReportStore.find(handle, id).orElseThrow();
            requireState(current, to, ReportState.RECEIVED, "it was assessed already");
            ReportStore.moveState(handle, id, ReportState.RECEIVED, to);
            ReportStore.assess(handle, id, verdict, Step.by(principal, now));
            ReportStore.saveFindings(handle, id, matches, hits, hidden);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("verdict", verdict.illegal() ? "ILLEGAL" : "NOT_ILLEGAL");
            if (verdict instanceof ReportVerdict.Illegal illegal) details.put("category", illegal.category().name());
            details.put("matches", String.valueOf(matches.size()));
            details.put("hits", truncate(hits.stream().map(StoredHit::organisation).distinct().sorted().collect(Collectors.joining(","))));
            audit.append(handle, Actor.of(principal), "report.assess", subject(id), Outcome.OK, details);
            if (verdict.illegal()) {
                route(handle, ReportStore.find(handle, id).orElseThrow(), principal, everyone, now);
                if (!report.hashes().isEmpty()) touches.assessedIllegal(handle, principal.organisationName(), id, report.hashes());
            }
            return null;
        });
        return current(principal, id);
    }

    /** The report as the principal sees it after its own step (audited as that step, not as a read). */
    private ReportDetail current(Principal principal, long id) {
        return detail(principal, database.read(handle -> Loaded.of(handle, ReportStore.find(handle, id).orElseThrow())));
    }

    /**
     * Routes an assessed illegal report again, as the organisations are now: one that had no route may get one, and
     * organisations that joined (or took on the jurisdiction) since receive it too. Those that received it keep it.
     *
     * @throws ReportTransitionException unless the report is ASSESSED or ROUTED
     */
    public ReportDetail reroute(Principal principal, long id) {
        AccessDeniedException.require(principal, Permission.WRITE);
        Report report = readable(principal, id);
        requireReporter(principal, report, "routes");
        checkRoutable(report);
        List<Organisation> everyone = organisations.list();
        Instant now = now();
        database.write(handle -> {
            Report current = ReportStore.find(handle, id).orElseThrow();
            checkRoutable(current);
            route(handle, current, principal, everyone, now);
            return null;
        });
        return current(principal, id);
    }

    /**
     * Records a takedown step, by the reporting organisation or one the report was routed to.
     *
     * @param at when it happened; empty means now. Not in the future, not before the report's last step.
     * @throws ReportTransitionException unless the step is the report's next one
     * @throws IllegalArgumentException  naming {@code at} when it is out of order or in the future
     */
    public ReportDetail takedown(Principal principal, long id, TakedownStep step, Optional<Instant> at) {
        AccessDeniedException.require(principal, Permission.WRITE);
        readable(principal, id);
        Instant now = now();
        Instant when = at.map(t -> t.truncatedTo(ChronoUnit.MILLIS)).orElse(now);
        database.write(handle -> {
            Report current = ReportStore.find(handle, id).orElseThrow();
            if (!current.state().canBecome(step.state())) {
                throw new ReportTransitionException(id, current.state(), step.state(), switch (current.state()) {
                    case RECEIVED, ASSESSED -> "takedown is tracked once the report is routed";
                    case NOT_ILLEGAL -> "it was assessed as not illegal";
                    case REMOVAL_CONFIRMED -> "its removal is confirmed already";
                    default -> "the next step is " + current.state().next().iterator().next();
                });
            }
            StatedTime.check("at", when, now, Duration.ZERO);
            if (when.isBefore(current.lastStepAt()))
                throw new IllegalArgumentException("at: " + when + " is before the report's previous step or reported time (" + current.lastStepAt() + ")");
            ReportStore.moveState(handle, id, current.state(), step.state());
            ReportStore.takedown(handle, id, step, Step.by(principal, when));
            audit.append(handle, Actor.of(principal), "report.takedown", subject(id), Outcome.OK,
                    Map.of("step", step.name(), "at", when.toString()));
            return null;
        });
        return current(principal, id);
    }

    /**
     * One report as the principal's organisation may see it; the read is audited.
     *
     * @throws NotFoundException unless the organisation made it or it was routed to it
     */
    public ReportDetail read(Principal principal, long id) {
        AccessDeniedException.require(principal, Permission.READ);
        ReportDetail detail = detail(principal, database.read(handle -> Loaded.of(handle, find(handle, principal, id))));
        long shown = detail.results().stream().mapToLong(r -> r.matches().size()).sum();
        long restricted = detail.results().stream().flatMap(r -> r.matches().stream()).filter(m -> isRestricted(m.entry())).count();
        audit.append(Actor.of(principal), "report.read", subject(id), Outcome.OK, Map.of(
                "relation", detail.relation().name(), "state", detail.report().state().name(),
                "matches", String.valueOf(shown), "restricted_matches", String.valueOf(restricted),
                "hits", truncate(detail.results().stream().flatMap(r -> r.hits().stream()).map(Hit::organisation).distinct().sorted()
                        .collect(Collectors.joining(",")))));
        return detail;
    }

    /** A page of reports, and where the next starts. */
    public record Page(List<Report> reports, OptionalLong next) {
        public Page {
            reports = List.copyOf(reports);
        }
    }

    /** Which reports a list shows. */
    public enum Queue {
        /** Those the organisation made. */
        OWN,
        /** Those routed to it. */
        INCOMING,
        /** Both. */
        ALL
    }

    /**
     * The reports the principal's organisation made, received, or both, in id order after {@code afterId}; the
     * read is audited with the ids listed.
     */
    public Page list(Principal principal, Queue queue, Optional<ReportState> state, long afterId, int limit) {
        AccessDeniedException.require(principal, Permission.READ);
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("limit: must be 1.." + MAX_PAGE + ", not " + limit);
        List<Report> page = database.read(handle -> ReportStore.page(handle, principal.organisationId(), queue, state, afterId, limit));
        if (!page.isEmpty()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("queue", queue.name());
            details.put("count", String.valueOf(page.size()));
            // One detail holds at most 1000 characters: the ids go in as many as they need.
            List<String> chunks = chunks(page.stream().map(r -> String.valueOf(r.id())).toList());
            for (int i = 0; i < chunks.size(); i++) details.put(i == 0 ? "reports" : "reports_" + (i + 1), chunks.get(i));
            audit.append(Actor.of(principal), "report.list", "reports", Outcome.OK, details);
        }
        return new Page(page, page.size() == limit ? OptionalLong.of(page.getLast().id()) : OptionalLong.empty());
    }

    /**
     * How many reports the principal's organisation made, received, or both, in each state (every state listed, zeros
     * included). Counts name no report, so reading them is not audited, as with {@link #statistics}.
     */
    public Map<ReportState, Long> counts(Principal principal, Queue queue) {
        AccessDeniedException.require(principal, Permission.READ);
        return database.read(handle -> ReportStore.countByState(handle, principal.organisationId(), queue));
    }

    /**
     * Time to removal over the reports removed in {@code [from, to)}. Aggregates only, for every reader of an ACTIVE
     * organisation: with {@link RemovalStatistics.Scope#ALL} over every report of the node (no report, organisation
     * or URL can be told from them), with {@link RemovalStatistics.Scope#READABLE} over those it made or received.
     *
     * @param from default the epoch
     * @param to   default the start of tomorrow (UTC)
     */
    public RemovalStatistics statistics(Principal principal, Optional<Instant> from, Optional<Instant> to, RemovalStatistics.Scope scope) {
        AccessDeniedException.require(principal, Permission.READ);
        Instant start = from.orElse(Instant.EPOCH);
        Instant end = to.orElseGet(() -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        if (!start.isBefore(end)) throw new IllegalArgumentException("from: must be before to (" + start + " is not before " + end + ")");
        // No report is dated before the earliest stated time; a window from further back (-999999999-01-01) is the same
        // window, and one that ends after the year 9999 the same as one that ends then (both would overflow the stored millis).
        Instant windowStart = start.isBefore(StatedTime.EARLIEST) ? StatedTime.EARLIEST : start;
        Instant windowEnd = end.isAfter(LATEST_WINDOW_END) ? LATEST_WINDOW_END : end;
        Optional<Long> readableBy = scope == RemovalStatistics.Scope.READABLE ? Optional.of(principal.organisationId()) : Optional.empty();
        return RemovalStatistics.of(start, end, scope, database.read(handle -> ReportStore.removals(handle, windowStart, windowEnd, readableBy)));
    }

    /** The relation of an organisation to a report it may read. */
    public static Relation relation(Report report, long organisationId) {
        return report.reporterId() == organisationId ? Relation.REPORTER : Relation.RECEIVER;
    }

    private void route(Handle handle, Report report, Principal principal, List<Organisation> everyone, Instant now) {
        ReportRouting.Plan plan = ReportRouting.plan(everyone, report.hostingCountry(), report.reporterId(), settings.fallbackOrganisation());
        List<String> added = new ArrayList<>();
        for (ReportRouting.Receiver receiver : plan.receivers()) {
            Organisation org = receiver.organisation();
            if (report.isRoutedTo(org.id())) continue;
            ReportStore.addRoute(handle, report.id(), org.id(), receiver.reason(), now);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("reporter", report.reporter());
            details.put("hosting_country", report.hostingCountry());
            details.put("reason", receiver.reason().name());
            report.assessment().map(Report.Assessment::verdict).filter(v -> v instanceof ReportVerdict.Illegal)
                    .ifPresent(v -> details.put("category", ((ReportVerdict.Illegal) v).category().name()));
            notifications.notify(handle, org.name(), NotificationKind.REPORT_ROUTED, subject(report.id()), details);
            added.add(org.name());
        }
        if (plan.routed() && report.state() == ReportState.ASSESSED) ReportStore.moveState(handle, report.id(), ReportState.ASSESSED, ReportState.ROUTED);
        ReportStore.routed(handle, report.id(), plan.routed() ? Optional.of(now) : Optional.empty(), plan.note());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("routed", String.valueOf(plan.routed()));
        details.put("receivers", added.isEmpty() ? "none" : truncate(String.join(",", added)));
        plan.note().ifPresent(note -> details.put("note", truncate(note)));
        audit.append(handle, Actor.of(principal), "report.route", subject(report.id()), Outcome.OK, details);
    }

    /** A report with what its assessment found, read in one transaction. */
    private record Loaded(Report report, List<StoredMatch> matches, List<StoredHit> hits) {
        static Loaded of(Handle handle, Report report) {
            return new Loaded(report, ReportStore.matches(handle, report.id()), ReportStore.hits(handle, report.id()));
        }
    }

    /** The report, as this reader may see it now (outside any transaction: the lookups here open their own). */
    private ReportDetail detail(Principal principal, Loaded loaded) {
        Report report = loaded.report();
        List<StoredMatch> matches = loaded.matches();
        List<StoredHit> hits = loaded.hits();
        Viewer viewer = Viewer.of(principal);
        Map<Long, Entry> entries = store.entries(matches.stream().map(StoredMatch::entryId).distinct().toList()).stream()
                .collect(Collectors.toMap(Entry::id, Function.identity()));
        Map<Long, Optional<Bank>> banks = new HashMap<>();
        Map<Long, SortedSet<Long>> bankRecipients = matches.isEmpty() ? Map.of() : recipients.all();
        Map<String, Optional<String>> contacts = new HashMap<>();
        // Marks as they are now: a series marked after the assessment shows too.
        Map<String, VictimIdentification> marks = matching.victimIdentifications(entries.values().stream()
                .flatMap(e -> e.data().series().stream()).collect(Collectors.toSet()));
        List<HashResult> results = new ArrayList<>();
        for (int i = 0; i < report.hashes().size(); i++) {
            List<ReportMatch> visible = new ArrayList<>();
            Map<String, Hit> hitsHere = new LinkedHashMap<>();
            for (StoredHit hit : hits) {
                if (hit.position() == i) hitsHere.merge(hit.organisation(), new Hit(hit.organisation(),
                        contacts.computeIfAbsent(hit.organisation(), this::contact).or(hit::contact), hit.victimIdentified(),
                        hit.identification()), Hit::merge);
            }
            for (StoredMatch match : matches) {
                if (match.position() != i) continue;
                Entry entry = entries.get(match.entryId());
                Optional<Bank> bank = banks.computeIfAbsent(match.bankId(), store::findBank);
                if (entry == null || bank.isEmpty()) continue;
                Set<Long> named = bankRecipients.getOrDefault(bank.get().id(), NONE);
                Optional<VictimIdentification> mark = entry.data().series().map(marks::get);
                boolean identified = entry.data().victimIdentified() || mark.isPresent();
                if (Visibility.canSee(viewer, bank.get(), entry.data(), named)) {
                    visible.add(new ReportMatch(entry, SignalTypes.byName(match.type()), match.distance(), identified, mark));
                } else {
                    // As a hit/no-hit answer: whether the victim is identified and by whom, never the series.
                    String owner = bank.get().owner();
                    hitsHere.merge(owner, new Hit(owner, contacts.computeIfAbsent(owner, this::contact), identified, mark), Hit::merge);
                }
            }
            results.add(new HashResult(report.hashes().get(i), visible, List.copyOf(hitsHere.values())));
        }
        return new ReportDetail(report, relation(report, principal.organisationId()), results);
    }

    private Optional<String> contact(String organisation) {
        return organisations.findByName(organisation).flatMap(Organisation::contact);
    }

    private Report readable(Principal principal, long id) {
        return database.read(handle -> find(handle, principal, id));
    }

    /** The report when the principal's organisation made it or received it; "not found" otherwise, whether it exists or not. */
    private static Report find(Handle handle, Principal principal, long id) {
        return ReportStore.find(handle, id)
                .filter(r -> r.reporterId() == principal.organisationId() || r.isRoutedTo(principal.organisationId()))
                .orElseThrow(() -> new NotFoundException("no report " + id));
    }

    private static void requireReporter(Principal principal, Report report, String what) {
        if (report.reporterId() != principal.organisationId())
            throw new AccessDeniedException("only the reporting organisation ('" + report.reporter() + "') " + what + " report " + report.id());
    }

    private static void requireState(Report report, ReportState to, ReportState from, String why) {
        if (report.state() != from) throw new ReportTransitionException(report.id(), report.state(), to, why);
    }

    private static void checkRoutable(Report report) {
        if (report.state() != ReportState.ASSESSED && report.state() != ReportState.ROUTED)
            throw new ReportTransitionException(report.id(), report.state(), ReportState.ROUTED,
                    "only an assessed illegal report, not yet in takedown, is routed");
    }

    private static boolean isRestricted(Entry entry) {
        return entry.data().distribution().map(d -> d != Distribution.GREEN).orElse(true);
    }

    private static List<String> chunks(List<String> ids) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String id : ids) {
            if (chunk.length() + id.length() + 1 > AuditLog.MAX_DETAIL_LENGTH) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            if (!chunk.isEmpty()) chunk.append(',');
            chunk.append(id);
        }
        if (!chunk.isEmpty()) chunks.add(chunk.toString());
        return chunks;
    }

    private static String truncate(String text) {
        return text.length() <= AuditLog.MAX_DETAIL_LENGTH ? text : text.substring(0, AuditLog.MAX_DETAIL_LENGTH - 1) + "…";
    }

    private static String subject(long id) {
        return "report:" + id;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
