package io.vgtx.core.statistics;

import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.sharing.MatchTally;
import io.vgtx.core.sharing.SharingHooks;
import io.vgtx.core.store.BackgroundRounds;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each organisation looked up per UTC day ({@code match_days}), added up off the match request's path as
 * {@link io.vgtx.core.reliance.MatchLedger} records who relied on what: a request only adds its counts in memory
 * ({@link #answered}); a background writer adds them to the table every {@link #DEFAULT_INTERVAL} ({@link #flush}), in
 * one short transaction. The day is the one the request was answered on, by the injected clock, in UTC.
 *
 * <p>The trade-off: counts since the last flush live only in memory, so a crash (not a stop: {@link #close} flushes)
 * loses about one interval of them, and a reader sees them up to an interval late. Memory stays small whatever the
 * load: one row per organisation and day waiting, also while the database cannot be written (the counts are kept for
 * the next round, never lost).
 */
public final class MatchDays implements SharingHooks, AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** The longest span one read returns. */
    public static final int MAX_DAYS = 366;

    private final Database database;
    private final InstantSource clock;
    private final BackgroundRounds rounds;
    private final Object lock = new Object();
    /** One flush at a time (the background writer's, a test's, the last one on close). */
    private final Object flushing = new Object();
    /** Counts added since the last flush, per organisation and day. */
    private Map<Key, MatchDay> pending = new HashMap<>();

    private record Key(String organisation, LocalDate day) {}

    public MatchDays(Database database, InstantSource clock) {
        this(database, clock, DEFAULT_INTERVAL);
    }

    /** @param interval how often the background writer flushes, once {@linkplain #start() started} */
    public MatchDays(Database database, InstantSource clock, Duration interval) {
        this.database = database;
        this.clock = clock;
        this.rounds = new BackgroundRounds("vgtx-match-days", interval, this::flush, "matches per day", this::pending);
    }

    /** Adds a request's counts to its organisation's day. Memory only, no I/O: for the match request's thread. */
    @Override
    public void answered(Principal asker, MatchTally tally) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        MatchDay counts = new MatchDay(day, 1, tally.hashes(), tally.withVisibleMatch(), tally.withHitOnly());
        synchronized (lock) {
            pending.merge(new Key(asker.organisationName(), day), counts, MatchDay::plus);
        }
    }

    /**
     * Adds the counts noted since the last flush to the table, in one transaction; nothing at all when there are none.
     * When the write fails the counts wait for the next flush (added to any noted meanwhile) and the failure is thrown.
     *
     * @return the organisation-days written
     */
    public int flush() {
        synchronized (flushing) {
            Map<Key, MatchDay> batch;
            synchronized (lock) {
                if (pending.isEmpty()) return 0;
                batch = pending;
                pending = new HashMap<>();
            }
            try {
                database.write(handle -> {
                    write(handle, batch);
                    return null;
                });
            } catch (RuntimeException e) {
                synchronized (lock) {
                    batch.forEach((key, counts) -> pending.merge(key, counts, MatchDay::plus));
                }
                throw e;
            }
            return batch.size();
        }
    }

    private static void write(Handle handle, Map<Key, MatchDay> rows) {
        var statement = handle.prepareBatch("""
                INSERT INTO match_days (organisation, day, requests, hashes_looked_up, hashes_with_visible_match, hashes_with_hit_only)
                VALUES (:org, :day, :requests, :looked, :visible, :hitOnly)
                ON CONFLICT (organisation, day) DO UPDATE SET
                    requests = match_days.requests + excluded.requests,
                    hashes_looked_up = match_days.hashes_looked_up + excluded.hashes_looked_up,
                    hashes_with_visible_match = match_days.hashes_with_visible_match + excluded.hashes_with_visible_match,
                    hashes_with_hit_only = match_days.hashes_with_hit_only + excluded.hashes_with_hit_only""");
        rows.forEach((key, counts) -> statement.bind("org", key.organisation()).bind("day", key.day().toString())
                .bind("requests", counts.requests()).bind("looked", counts.hashesLookedUp())
                .bind("visible", counts.hashesWithVisibleMatch()).bind("hitOnly", counts.hashesWithHitOnly()).add());
        statement.execute();
    }

    /**
     * What the principal's own organisation looked up on each of the last {@code days} UTC days, today included, oldest
     * first; a day without a request is all zeros. Never another organisation's: the organisation is the principal's.
     * Counts written so far: those of the last interval may not be there yet.
     *
     * @throws IllegalArgumentException unless {@code days} is 1..{@value #MAX_DAYS}
     */
    public List<MatchDay> days(Principal principal, int days) {
        AccessDeniedException.require(principal, Permission.READ);
        if (days < 1 || days > MAX_DAYS) throw new IllegalArgumentException("days must be 1.." + MAX_DAYS + ", not " + days);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, MatchDay> stored = new HashMap<>();
        database.read(handle -> handle.createQuery("""
                        SELECT day, requests, hashes_looked_up, hashes_with_visible_match, hashes_with_hit_only FROM match_days
                        WHERE organisation = :org AND day >= :first AND day <= :today""")
                .bind("org", principal.organisationName()).bind("first", first.toString()).bind("today", today.toString())
                .map((rs, ctx) -> new MatchDay(LocalDate.parse(rs.getString("day")), rs.getLong("requests"), rs.getLong("hashes_looked_up"),
                        rs.getLong("hashes_with_visible_match"), rs.getLong("hashes_with_hit_only")))
                .list()).forEach(day -> stored.put(day.day(), day));
        return first.datesUntil(today.plusDays(1)).map(day -> stored.getOrDefault(day, MatchDay.none(day))).toList();
    }

    /** Organisation-days noted and not yet written. */
    public int pending() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Starts the background writer; a second call does nothing. */
    public MatchDays start() {
        rounds.start();
        return this;
    }

    /** Stops the background writer (a round in progress finishes) and writes what is left. Before the database closes. */
    @Override
    public void close() {
        rounds.close();
    }
}
