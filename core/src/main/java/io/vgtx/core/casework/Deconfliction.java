package io.vgtx.core.casework;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.match.Match;
import io.vgtx.core.notify.AlertsSent;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.Sight;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.index.hamming.Code256;
import io.vgtx.index.hamming.MultiIndexHammingIndex;
import org.jdbi.v3.core.Handle;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deconfliction: when one organisation's case, match or report and another organisation's OPEN case touch the same
 * hash (digests exactly; PDQ exactly, or within {@value #PDQ_DISTANCE} bits when a case or report links it) or the same
 * series, both are told (a {@link NotificationKind#DECONFLICTION} notification naming the other organisation and its
 * contact, and the overlap), so that two agencies do not work the same child's case apart.
 *
 * <p>The distribution rules hold in the alerts: each side is told the overlap in its own terms only — the hash it
 * linked or asked about itself, or a series' name when it linked that series or may see the entry that carries it.
 * Never the other side's hash, nor an entry's value, label or series that it may not see: for such an entry the alert
 * is a hit/no-hit with a contact.
 *
 * <p>An organisation is told about one overlap with one other organisation once: the alerts sent are remembered.
 */
public final class Deconfliction {
    /** PDQ hashes this close count as the same picture (the match threshold). */
    public static final int PDQ_DISTANCE = PdqSignal.DEFAULT_THRESHOLD;
    /** Overlaps listed in one notification at most; {@code count} gives them all. */
    static final int MAX_LISTED = 50;
    private static final int BATCH = 500;
    /** Above this many distance computations, other cases' PDQ hashes go into a multi-index first. */
    private static final long BRUTE_FORCE_LIMIT = 20_000_000L;
    private static final String TOPIC = "deconfliction|";

    private final Database database;
    private final InstantSource clock;
    private final BankStore store;
    private final Notifications notifications;
    private final AuditLog audit;

    public Deconfliction(Database database, InstantSource clock, BankStore store, Notifications notifications, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.store = store;
        this.notifications = notifications;
        this.audit = audit;
    }

    /** What a touch alerted: the other organisations told of an overlap, and the notifications sent (both sides). */
    public record Alerts(Set<String> counterparts, int notifications) {
        public Alerts {
            counterparts = Set.copyOf(counterparts);
        }

        static final Alerts NONE = new Alerts(Set.of(), 0);
    }

    /**
     * Another area of the node (e.g. hotline reports) touches hashes on behalf of {@code organisation}: checks them
     * against every other organisation's OPEN cases and alerts both sides, inside the caller's write transaction.
     * The act is audited as the node's own ({@code SYSTEM}).
     */
    public Alerts touch(Handle handle, String organisation, Collection<HashRef> hashes, Origin origin) {
        return touch(handle, organisation, hashes, origin, origin.name().toLowerCase(Locale.ROOT));
    }

    /** As above; {@code subject} names what touched them in the toucher's notification, e.g. {@code report:12}. */
    public Alerts touch(Handle handle, String organisation, Collection<HashRef> hashes, Origin origin, String subject) {
        Touch touch = new Touch(organisation, origin, subject, withExactEntries(handle, hashes), Set.of(), List.of());
        return alert(handle, new Actor(organisation, Optional.empty(), "SYSTEM"), touch, detect(handle, touch));
    }

    /** A case linked hashes and series (inside the write that links them). */
    Alerts touchCase(Handle handle, Principal principal, Case touching, Collection<HashRef> hashes, Collection<String> series) {
        Touch touch = new Touch(touching.organisation(), Origin.CASE, "case:" + touching.id(), withExactEntries(handle, hashes),
                new LinkedHashSet<>(series), List.of(touching.id()));
        return alert(handle, Actor.of(principal), touch, detect(handle, touch));
    }

    /**
     * A match request was answered: reads whether the asker's hashes, or the entries they matched, or those entries'
     * series, touch another organisation's OPEN case; if so returns the write that alerts both sides.
     */
    Optional<Consumer<Handle>> matched(Principal asker, List<HashQuery> queries, List<List<Match>> found) {
        if (!anyOpenCaseOfOthers(asker.organisationName())) return Optional.empty();
        List<Touched> touched = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            HashQuery query = queries.get(i);
            touched.add(new Touched(new HashRef(query.type(), query.value()), found.get(i).stream().map(Match::entry).toList()));
        }
        Touch touch = new Touch(asker.organisationName(), Origin.MATCH, "match", touched, Set.of(), List.of());
        List<Overlap> overlaps = database.read(handle -> detect(handle, touch));
        if (overlaps.isEmpty()) return Optional.empty();
        return Optional.of(handle -> alert(handle, Actor.of(asker), touch, overlaps));
    }

    /** One of the toucher's own hashes, with the active entries it is known to match. */
    record Touched(HashRef own, List<Entry> entries) {}

    /**
     * @param subject what the toucher's notification is about ({@code case:12}, {@code match}, {@code report:3})
     * @param series  series the toucher named itself (a case linking them)
     * @param cases   the toucher's cases, when a case touches
     */
    record Touch(String organisation, Origin origin, String subject, List<Touched> hashes, Set<String> series, List<Long> cases) {}

    /** One overlap, as each side is to be told it: {@code toucherItem} in the toucher's terms, {@code counterpartItem} in the other's. */
    record Overlap(String counterpart, long counterpartCase, String toucherItem, String counterpartItem) {}

    private record CaseHash(long caseId, String organisation, HashRef hash) {}

    List<Overlap> detect(Handle handle, Touch touch) {
        List<Overlap> overlaps = new ArrayList<>();
        Lazy<Sight> toucherSight = new Lazy<>(() -> sightOf(handle, touch.organisation()));
        // 1. The same hash: the toucher's own, or the value of an entry it matched, linked by another's case.
        Map<HashRef, Set<String>> lookFor = new LinkedHashMap<>();
        for (Touched t : touch.hashes()) {
            lookFor.computeIfAbsent(t.own(), h -> new LinkedHashSet<>()).add(t.own().toString());
            for (Entry e : t.entries()) lookFor.computeIfAbsent(new HashRef(e.data().type(), e.data().value()), h -> new LinkedHashSet<>()).add(t.own().toString());
        }
        for (CaseHash row : caseHashes(handle, touch.organisation(), lookFor.keySet())) {
            for (String item : lookFor.get(row.hash())) overlaps.add(new Overlap(row.organisation(), row.caseId(), item, row.hash().toString()));
        }
        // 2. A near PDQ hash, for what a case or report links (a match found its near entries already).
        if (touch.origin() != Origin.MATCH) overlaps.addAll(nearPdq(handle, touch));
        // 3. The same series: named by the toucher, or carried by the entries its hashes match.
        Map<String, Set<String>> series = new LinkedHashMap<>();
        for (String name : touch.series()) series.computeIfAbsent(name, s -> new LinkedHashSet<>()).add(seriesItem(name));
        for (Touched t : touch.hashes()) {
            for (Entry e : t.entries()) {
                if (e.data().state() != EntryState.ACTIVE || e.data().series().isEmpty()) continue;
                String name = e.data().series().get();
                // The series' name only to a toucher that may see the entry; otherwise its own hash stands for it.
                series.computeIfAbsent(name, s -> new LinkedHashSet<>()).add(toucherSight.get().canSee(e) ? seriesItem(name) : t.own().toString());
            }
        }
        Map<String, Sight> counterpartSights = new HashMap<>();
        for (Map.Entry<String, Set<String>> s : series.entrySet()) {
            String name = s.getKey();
            handle.createQuery("""
                            SELECT cs.case_id, c.organisation FROM case_series cs JOIN cases c ON c.id = cs.case_id
                            WHERE cs.series = :series AND c.state = :open AND c.organisation <> :org""")
                    .bind("series", name).bind("open", CaseState.OPEN.name()).bind("org", touch.organisation())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(r -> s.getValue().forEach(item -> overlaps.add(new Overlap(r.getValue(), r.getKey(), item, seriesItem(name)))));
            handle.createQuery("""
                            SELECT ch.case_id, c.organisation, ch.type, ch.value, e.bank_id, e.distribution
                            FROM entries e
                            JOIN case_hashes ch ON ch.type = e.type AND ch.value = e.value
                            JOIN cases c ON c.id = ch.case_id
                            WHERE e.series = :series AND e.state = :active AND c.state = :open AND c.organisation <> :org""")
                    .bind("series", name).bind("active", EntryState.ACTIVE.name()).bind("open", CaseState.OPEN.name())
                    .bind("org", touch.organisation())
                    .map((rs, ctx) -> new SeriesHash(rs.getLong(1), rs.getString(2), HashRef.of(rs.getString(3), rs.getString(4)),
                            rs.getLong(5), Distribution.valueOf(rs.getString(6))))
                    .forEach(r -> {
                        Sight sight = counterpartSights.computeIfAbsent(r.organisation(), o -> sightOf(handle, o));
                        boolean sees = sight.bank(r.bankId()).map(b -> sight.canSee(b, r.distribution())).orElse(false);
                        String theirs = sees ? seriesItem(name) : r.hash().toString();
                        s.getValue().forEach(item -> overlaps.add(new Overlap(r.organisation(), r.caseId(), item, theirs)));
                    });
        }
        return overlaps;
    }

    private record SeriesHash(long caseId, String organisation, HashRef hash, long bankId, Distribution distribution) {}

    private List<Overlap> nearPdq(Handle handle, Touch touch) {
        List<HashRef> own = touch.hashes().stream().map(Touched::own).filter(h -> h.type() instanceof PdqSignal).distinct().toList();
        if (own.isEmpty()) return List.of();
        List<CaseHash> theirs = handle.createQuery("""
                        SELECT ch.case_id, c.organisation, ch.value FROM case_hashes ch JOIN cases c ON c.id = ch.case_id
                        WHERE ch.type = :pdq AND c.state = :open AND c.organisation <> :org""")
                .bind("pdq", PdqSignal.PDQ.name()).bind("open", CaseState.OPEN.name()).bind("org", touch.organisation())
                .map((rs, ctx) -> new CaseHash(rs.getLong(1), rs.getString(2), new HashRef(PdqSignal.PDQ, rs.getString(3))))
                .list();
        if (theirs.isEmpty()) return List.of();
        List<Overlap> overlaps = new ArrayList<>();
        Code256[] codes = theirs.stream().map(h -> Code256.fromHex(h.hash().value())).toArray(Code256[]::new);
        if ((long) own.size() * codes.length <= BRUTE_FORCE_LIMIT) {
            for (HashRef mine : own) {
                Code256 code = Code256.fromHex(mine.value());
                for (int i = 0; i < codes.length; i++) {
                    int d = code.distance(codes[i]);
                    if (d > 0 && d <= PDQ_DISTANCE) overlaps.add(near(mine, theirs.get(i)));
                }
            }
        } else {
            long[] ids = new long[codes.length];
            long[] words = new long[4 * codes.length];
            for (int i = 0; i < codes.length; i++) {
                ids[i] = i;
                for (int w = 0; w < 4; w++) words[4 * i + w] = codes[i].word(w);
            }
            MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(ids, words);
            for (HashRef mine : own) {
                index.search(Code256.fromHex(mine.value()), PDQ_DISTANCE, (id, d) -> {
                    if (d > 0) overlaps.add(near(mine, theirs.get((int) id)));
                });
            }
        }
        return overlaps;
    }

    private static Overlap near(HashRef mine, CaseHash theirs) {
        return new Overlap(theirs.organisation(), theirs.caseId(), mine.toString(), theirs.hash().toString());
    }

    /** Other organisations' OPEN cases linking any of these hashes exactly. */
    private static List<CaseHash> caseHashes(Handle handle, String organisation, Collection<HashRef> hashes) {
        List<CaseHash> rows = new ArrayList<>();
        Map<SignalType, List<String>> byType = hashes.stream().collect(Collectors.groupingBy(HashRef::type, LinkedHashMap::new,
                Collectors.mapping(HashRef::value, Collectors.toList())));
        byType.forEach((type, values) -> {
            for (int from = 0; from < values.size(); from += BATCH) {
                handle.createQuery("""
                                SELECT ch.case_id, c.organisation, ch.value FROM case_hashes ch JOIN cases c ON c.id = ch.case_id
                                WHERE ch.type = :type AND ch.value IN (<values>) AND c.state = :open AND c.organisation <> :org""")
                        .bind("type", type.name()).bindList("values", values.subList(from, Math.min(values.size(), from + BATCH)))
                        .bind("open", CaseState.OPEN.name()).bind("org", organisation)
                        .map((rs, ctx) -> new CaseHash(rs.getLong(1), rs.getString(2), new HashRef(type, rs.getString(3))))
                        .forEach(rows::add);
            }
        });
        return rows;
    }

    /** Each hash with the active entries that hold exactly it (any bank). */
    private List<Touched> withExactEntries(Handle handle, Collection<HashRef> hashes) {
        List<HashRef> distinct = hashes.stream().distinct().toList();
        List<Long> ids = new ArrayList<>();
        distinct.stream().collect(Collectors.groupingBy(HashRef::type, LinkedHashMap::new, Collectors.mapping(HashRef::value, Collectors.toList())))
                .forEach((type, values) -> {
                    for (int from = 0; from < values.size(); from += BATCH) {
                        // One probe of the (bank, type, value) index per bank.
                        ids.addAll(handle.createQuery("""
                                        SELECT id FROM entries WHERE bank_id IN (SELECT id FROM banks) AND type = :type
                                        AND value IN (<values>) AND state = :active""")
                                .bind("type", type.name()).bindList("values", values.subList(from, Math.min(values.size(), from + BATCH)))
                                .bind("active", EntryState.ACTIVE.name())
                                .mapTo(Long.class).list());
                    }
                });
        Map<HashRef, List<Entry>> entries = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (Entry e : store.entries(ids.subList(from, Math.min(ids.size(), from + BATCH))))
                entries.computeIfAbsent(new HashRef(e.data().type(), e.data().value()), h -> new ArrayList<>()).add(e);
        }
        return distinct.stream().map(h -> new Touched(h, entries.getOrDefault(h, List.of()))).toList();
    }

    private boolean anyOpenCaseOfOthers(String organisation) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT 1 FROM cases WHERE state = :open AND organisation <> :org LIMIT 1")
                .bind("open", CaseState.OPEN.name()).bind("org", organisation).mapTo(Integer.class).findOne().isPresent());
    }

    /** Tells both sides of each overlap, once per organisation, counterpart and overlap; audits what was sent. */
    Alerts alert(Handle handle, Actor actor, Touch touch, List<Overlap> overlaps) {
        if (overlaps.isEmpty()) return Alerts.NONE;
        Map<String, Side> byCounterpart = new TreeMap<>();
        for (Overlap o : overlaps) {
            Side side = byCounterpart.computeIfAbsent(o.counterpart(), c -> new Side());
            side.toucherItems.add(o.toucherItem());
            side.counterpartItems.add(o.counterpartItem());
            side.counterpartCases.add(o.counterpartCase());
        }
        Map<String, Optional<String>> contacts = new HashMap<>();
        java.util.function.Function<String, Optional<String>> contact = org -> contacts.computeIfAbsent(org,
                o -> InTransaction.organisation(handle, o).flatMap(InTransaction.Org::contact));
        Set<String> alerted = new TreeSet<>();
        int sent = 0;
        for (Map.Entry<String, Side> e : byCounterpart.entrySet()) {
            String counterpart = e.getKey();
            Side side = e.getValue();
            List<String> mine = unsent(handle, touch.organisation(), counterpart, side.toucherItems);
            if (!mine.isEmpty()) {
                Map<String, String> details = details(counterpart, contact.apply(counterpart), Origin.CASE, touch.origin(), touch.cases(), mine);
                notifications.notify(handle, touch.organisation(), NotificationKind.DECONFLICTION, touch.subject(), details);
                sent++;
            }
            List<String> theirs = unsent(handle, counterpart, touch.organisation(), side.counterpartItems);
            if (!theirs.isEmpty()) {
                Map<String, String> details = details(touch.organisation(), contact.apply(touch.organisation()), touch.origin(), Origin.CASE,
                        List.copyOf(side.counterpartCases), theirs);
                notifications.notify(handle, counterpart, NotificationKind.DECONFLICTION, "case:" + side.counterpartCases.first(), details);
                sent++;
                alerted.add(counterpart);
            }
        }
        if (sent > 0) {
            String names = String.join(",", byCounterpart.keySet());
            audit.append(handle, actor, "deconfliction.alert", touch.subject(), Outcome.OK, Map.of(
                    "origin", touch.origin().name(), "notifications", String.valueOf(sent),
                    "organisations", names.length() > 900 ? names.substring(0, 900) + "…" : names));
        }
        return new Alerts(alerted, sent);
    }

    private static final class Side {
        final Set<String> toucherItems = new LinkedHashSet<>();
        final Set<String> counterpartItems = new LinkedHashSet<>();
        final TreeSet<Long> counterpartCases = new TreeSet<>();
    }

    /** The items not yet told to {@code organisation} about {@code counterpart}, now recorded as told. */
    private List<String> unsent(Handle handle, String organisation, String counterpart, Collection<String> items) {
        List<String> fresh = new ArrayList<>();
        for (String item : items) {
            if (AlertsSent.CASEWORK.firstTime(handle, organisation, TOPIC + counterpart + "|" + item, clock)) fresh.add(item);
        }
        return fresh;
    }

    private static Map<String, String> details(String counterpart, Optional<String> contact, Origin counterpartOrigin, Origin origin,
                                               List<Long> cases, List<String> items) {
        Map<String, String> details = new TreeMap<>();
        details.put("counterpart", counterpart);
        contact.ifPresent(c -> details.put("contact", c));
        details.put("counterpart_origin", counterpartOrigin.name());
        details.put("origin", origin.name());
        if (!cases.isEmpty()) details.put("cases", cases.stream().map(String::valueOf).collect(Collectors.joining(",")));
        List<String> hashes = items.stream().filter(i -> !i.startsWith(SERIES)).limit(MAX_LISTED).toList();
        List<String> series = items.stream().filter(i -> i.startsWith(SERIES)).map(i -> i.substring(SERIES.length())).limit(MAX_LISTED).toList();
        if (!hashes.isEmpty()) details.put("hashes", String.join(",", hashes));
        if (!series.isEmpty()) details.put("series", String.join("\n", series));
        details.put("count", String.valueOf(items.size()));
        return details;
    }

    private static final String SERIES = "series:";

    private static String seriesItem(String name) {
        return SERIES + name;
    }

    private Sight sightOf(Handle handle, String organisation) {
        return InTransaction.sight(handle, store, organisation);
    }

    /** A value computed on first use. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> supplier;
        private T value;

        Lazy(java.util.function.Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (value == null) value = supplier.get();
            return value;
        }
    }
}
