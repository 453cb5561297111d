package io.vgtx.core.ration;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.store.BackgroundRounds;
import io.vgtx.core.store.Database;
import io.vgtx.index.hamming.Code256;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Hit/no-hit answers rationed per asking organisation, hidden entry and UTC day ({@link HiddenQuota} says how), over
 * every token and console user of the organisation and every path that answers hits (match, image match, a report's
 * assessment), with what it obliges: the owner is told of hits ({@code MATCH_HIT}) and of probes
 * ({@code PROBE_SUSPECTED}, audited as {@code match.probe_suspected}).
 *
 * <p>On the match request's path all of it is memory only (a lock per organisation, a scan of the entries it is
 * watched near): nothing the request does, and nothing it waits for, depends on whether a hidden entry matched. The
 * counts, the hashes answered, the notifications and their audit events are written by a background writer every
 * {@link #DEFAULT_INTERVAL} in one transaction ({@link BackgroundRounds}, as {@code match_days}), and on
 * {@link #close}; after a restart the counts of the day come back from {@code hidden_answer_days} and
 * {@code hidden_answer_hashes} (V16), so a restart resets no quota. A crash loses at most the last interval's counts.
 * Until {@link #start() started} (tests, the CLI) each request writes its own records before it returns.
 */
public final class HiddenAnswers implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final Database database;
    private final InstantSource clock;
    private final Notifications notifications;
    private final AuditLog audit;
    private final int answersPerDay;
    private final BackgroundRounds rounds;
    private final Map<String, HiddenQuota> quotas = new ConcurrentHashMap<>();
    private volatile boolean started;

    private final Object lock = new Object();
    /** One flush at a time. */
    private final Object flushing = new Object();
    private Pending pending = new Pending();

    /** A hidden entry the index found within 31 bits of {@code query} (for an image, the orientation that matched). */
    public record Hit(long entryId, String owner, Code256 entry, Code256 query) {
        public Hit {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * One PDQ query of a request: its hashes (one for a bare hash, eight orientations for an image) and the hidden
     * entries found within 31 bits of them. Digests are not rationed: an exact answer says no more than the asker sent.
     */
    public record Asked(List<Code256> queries, List<Hit> hits) {
        public Asked {
            queries = List.copyOf(queries);
            hits = List.copyOf(hits);
        }
    }

    /**
     * @param answered    per query, the hidden entries whose hits may be answered (the others are silent)
     * @param nearQueries per entry counted, distinct query hashes the organisation sent near it today
     */
    public record Rationed(List<Set<Long>> answered, Map<Long, Long> nearQueries) {}

    private record Key(String organisation, long entryId, LocalDate day) {}

    private record Row(long nearQueries, boolean probeTold) {}

    private record Told(String owner, NotificationKind kind, String subject, Map<String, String> details, Actor actor, String action) {}

    /** What waits to be written: absolute counts per key, hashes answered, notifications with their audit events. */
    private static final class Pending {
        final Map<Key, Row> rows = new HashMap<>();
        final Map<Key, Set<String>> answered = new HashMap<>();
        final List<Told> told = new ArrayList<>();

        boolean isEmpty() {
            return rows.isEmpty() && answered.isEmpty() && told.isEmpty();
        }

        int size() {
            return rows.size() + answered.size() + told.size();
        }

        void addAll(Pending older) {
            older.rows.forEach((k, r) -> rows.merge(k, r, (newer, old) -> newer.nearQueries() >= old.nearQueries() ? newer : old));
            older.answered.forEach((k, h) -> answered.computeIfAbsent(k, x -> new HashSet<>()).addAll(h));
            told.addAll(0, older.told);
        }
    }

    public HiddenAnswers(Database database, InstantSource clock, Notifications notifications, AuditLog audit, int answersPerDay) {
        this(database, clock, notifications, audit, answersPerDay, DEFAULT_INTERVAL);
    }

    /**
     * Reads back the counts of today and the entries watched in the last {@value HiddenQuota#TRACK_DAYS} days.
     *
     * @param answersPerDay answers per organisation, hidden entry and day ({@code vgtx serve --hidden-answers-per-day})
     */
    public HiddenAnswers(Database database, InstantSource clock, Notifications notifications, AuditLog audit, int answersPerDay,
                         Duration interval) {
        new HiddenQuota(answersPerDay); // checks the quota now, not at the first hit
        this.database = database;
        this.clock = clock;
        this.notifications = notifications;
        this.audit = audit;
        this.answersPerDay = answersPerDay;
        this.rounds = new BackgroundRounds("vgtx-hidden-answers", interval, this::flush, "hidden answer counts", () -> {
            synchronized (lock) {
                return pending.size();
            }
        });
        load();
    }

    public int answersPerDay() {
        return answersPerDay;
    }

    /**
     * Decides which hidden hits of one request are answered, and counts every query hash near an entry the organisation
     * is watched near. Memory only. The request's hits are watched first, so the order of its queries does not matter
     * to which are counted.
     */
    public Rationed ration(Principal asker, List<Asked> asked) {
        if (asked.stream().allMatch(a -> a.queries().isEmpty())) return new Rationed(asked.stream().map(a -> Set.<Long>of()).toList(), Map.of());
        LocalDate day = today();
        String org = asker.organisationName();
        HiddenQuota quota = quotas.computeIfAbsent(org, o -> new HiddenQuota(answersPerDay));
        List<Set<Long>> answered = new ArrayList<>(asked.size());
        Map<Long, Long> near = new HashMap<>();
        synchronized (quota) {
            for (Asked a : asked) for (Hit hit : a.hits()) quota.watch(hit.entryId(), hit.owner(), hit.entry(), day);
            for (Asked a : asked) {
                List<HiddenQuota.Near> nearby = quota.near(a.queries(), day);
                if (nearby.isEmpty()) {
                    // The common case (near no hidden entry it has come close to): nothing to count, nothing allocated.
                    answered.add(Set.of());
                    continue;
                }
                Set<Long> hits = new HashSet<>();
                for (Hit hit : a.hits()) hits.add(hit.entryId());
                Set<Long> yes = new HashSet<>();
                for (HiddenQuota.Near n : nearby) {
                    long id = n.entry().entryId();
                    HiddenQuota.Decision decision = quota.count(id, n.query(), day);
                    near.put(id, decision.nearQueries());
                    if (decision.answered() && hits.contains(id)) yes.add(id);
                    if (decision.changed()) note(asker, n, decision, day);
                }
                answered.add(yes);
            }
        }
        if (!started) flush();
        return new Rationed(answered, near);
    }

    /** Queues what one counted query hash obliges: its counts, its hash when answered, a probe's notice. Under the organisation's lock. */
    private void note(Principal asker, HiddenQuota.Near near, HiddenQuota.Decision decision, LocalDate day) {
        Key key = new Key(asker.organisationName(), near.entry().entryId(), day);
        boolean probeTold = decision.probe() || quotas.get(asker.organisationName()).probeTold(key.entryId());
        synchronized (lock) {
            pending.rows.put(key, new Row(decision.nearQueries(), probeTold));
            if (decision.answered()) pending.answered.computeIfAbsent(key, k -> new HashSet<>()).add(near.query().toHex());
            if (decision.probe()) {
                Map<String, String> details = Map.of("asker", asker.organisationName(), "entry", String.valueOf(key.entryId()),
                        "near_queries", String.valueOf(decision.nearQueries()),
                        "answered", String.valueOf(Math.min(decision.nearQueries(), answersPerDay)));
                pending.told.add(new Told(near.entry().owner(), NotificationKind.PROBE_SUSPECTED, "entry:" + key.entryId(), details,
                        Actor.of(asker), "match.probe_suspected"));
            }
        }
    }

    /**
     * Queues the owners' {@code MATCH_HIT} notifications of one request (once per owner, naming its entries and how many
     * distinct query hashes the asker sent near each today) and the request's audit event of hits.
     */
    public void told(Principal asker, Map<String, ? extends SortedSet<Long>> hiddenByOwner, Map<Long, Long> nearQueries) {
        if (hiddenByOwner.isEmpty()) return;
        synchronized (lock) {
            hiddenByOwner.forEach((owner, entryIds) -> pending.told.add(new Told(owner, NotificationKind.MATCH_HIT, "entry:" + entryIds.first(),
                    Map.of("asker", asker.organisationName(),
                            "entries", entryIds.stream().limit(100).map(String::valueOf).collect(Collectors.joining(",")),
                            "count", String.valueOf(entryIds.size()),
                            "near_queries", entryIds.stream().limit(100).filter(nearQueries::containsKey)
                                    .map(id -> id + ":" + nearQueries.get(id)).collect(Collectors.joining(","))),
                    null, null)));
            pending.told.add(new Told(null, null, "match", Map.of("hits", String.join(",", new TreeMap<>(hiddenByOwner).keySet())),
                    Actor.of(asker), "match.hit"));
        }
        if (!started) flush();
    }

    /**
     * Writes what was queued since the last flush in one transaction; nothing at all when there is none. When the write
     * fails the records wait for the next flush and the failure is thrown.
     *
     * @return the records written
     */
    public int flush() {
        synchronized (flushing) {
            Pending batch;
            synchronized (lock) {
                if (pending.isEmpty()) return 0;
                batch = pending;
                pending = new Pending();
            }
            try {
                database.write(handle -> {
                    write(handle, batch);
                    return null;
                });
            } catch (RuntimeException e) {
                synchronized (lock) {
                    batch.addAll(pending);
                    pending = batch;
                }
                throw e;
            }
            return batch.size();
        }
    }

    private void write(Handle handle, Pending batch) {
        if (!batch.rows.isEmpty()) {
            var rows = handle.prepareBatch("""
                    INSERT INTO hidden_answer_days (organisation, entry_id, day, near_queries, probe_told)
                    VALUES (:org, :entry, :day, :near, :probe)
                    ON CONFLICT (organisation, entry_id, day) DO UPDATE SET
                        near_queries = CASE WHEN excluded.near_queries > hidden_answer_days.near_queries
                                            THEN excluded.near_queries ELSE hidden_answer_days.near_queries END,
                        probe_told = excluded.probe_told OR hidden_answer_days.probe_told""");
            batch.rows.forEach((key, row) -> rows.bind("org", key.organisation()).bind("entry", key.entryId()).bind("day", key.day().toString())
                    .bind("near", row.nearQueries()).bind("probe", row.probeTold()).add());
            rows.execute();
        }
        if (!batch.answered.isEmpty()) {
            var hashes = handle.prepareBatch("""
                    INSERT INTO hidden_answer_hashes (organisation, entry_id, day, query_hash) VALUES (:org, :entry, :day, :hash)
                    ON CONFLICT DO NOTHING""");
            batch.answered.forEach((key, values) -> values.forEach(hash -> hashes.bind("org", key.organisation())
                    .bind("entry", key.entryId()).bind("day", key.day().toString()).bind("hash", hash).add()));
            hashes.execute();
        }
        for (Told told : batch.told) {
            if (told.kind() != null) notifications.notify(handle, told.owner(), told.kind(), told.subject(), told.details());
            if (told.action() != null) audit.append(handle, told.actor(), told.action(), told.subject(), Outcome.OK,
                    told.kind() == null ? told.details() : auditDetails(told));
        }
    }

    /** A probe's audit event: who owns the entry, and the counts (the asker is the actor). */
    private static Map<String, String> auditDetails(Told told) {
        Map<String, String> details = new LinkedHashMap<>(told.details());
        details.remove("asker");
        details.put("owner", told.owner());
        return details;
    }

    /** Reads back today's counts and answered hashes and the entries watched, as they were written. */
    private void load() {
        LocalDate today = today();
        LocalDate since = today.minusDays(HiddenQuota.TRACK_DAYS);
        database.read(handle -> {
            Map<Key, Set<Code256>> answered = new HashMap<>();
            handle.createQuery("SELECT organisation, entry_id, query_hash FROM hidden_answer_hashes WHERE day = :today")
                    .bind("today", today.toString())
                    .map((rs, ctx) -> {
                        answered.computeIfAbsent(new Key(rs.getString("organisation"), rs.getLong("entry_id"), today), k -> new HashSet<>())
                                .add(Code256.fromHex(rs.getString("query_hash")));
                        return null;
                    }).list();
            handle.createQuery("""
                            SELECT d.organisation, d.entry_id, d.day, d.near_queries, d.probe_told, e.value, b.owner
                            FROM hidden_answer_days d JOIN entries e ON e.id = d.entry_id JOIN banks b ON b.id = e.bank_id
                            WHERE d.day >= :since ORDER BY d.day""")
                    .bind("since", since.toString())
                    .map((rs, ctx) -> {
                        String org = rs.getString("organisation");
                        long entryId = rs.getLong("entry_id");
                        LocalDate day = LocalDate.parse(rs.getString("day"));
                        HiddenQuota quota = quotas.computeIfAbsent(org, o -> new HiddenQuota(answersPerDay));
                        quota.watch(entryId, rs.getString("owner"), Code256.fromHex(rs.getString("value")), day);
                        if (day.equals(today)) quota.restore(entryId, day, rs.getLong("near_queries"), rs.getBoolean("probe_told"),
                                answered.getOrDefault(new Key(org, entryId, today), Set.of()));
                        return null;
                    }).list();
            return null;
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Starts the background writer: from now on requests only queue. A second call does nothing. */
    public HiddenAnswers start() {
        started = true;
        rounds.start();
        return this;
    }

    /** Stops the background writer and writes what is left. Before the database closes. */
    @Override
    public void close() {
        rounds.close();
    }
}
