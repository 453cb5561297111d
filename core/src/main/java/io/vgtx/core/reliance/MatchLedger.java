package io.vgtx.core.reliance;

import io.vgtx.core.store.BackgroundRounds;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which organisation was shown which entry as a visible match ({@code entry_matchers}), kept off the match request's
 * path: a request only notes its pairs in memory ({@link #offer}); a background writer upserts them in batches
 * every {@link #DEFAULT_INTERVAL} ({@link #flush}). A pair written lately is remembered (up to
 * {@link #DEFAULT_REMEMBERED} pairs, least recently matched forgotten first), so matching it again writes nothing for
 * {@link #DEFAULT_REFRESH}: {@code last_matched_at} is exact to within that. A request whose matches are all remembered,
 * or that has none, costs no write at all.
 *
 * <p>The trade-off: pairs noted since the last flush live only in memory, so a crash (not a stop: {@link #close}
 * flushes) loses at most about one interval of records, and those organisations would not be told of a later
 * retraction. While the node runs nothing is missed: the alerts read the pairs not yet written too
 * ({@link #matchers}). If the database cannot be written, the pairs wait for the next round, up to
 * {@link #MAX_PENDING}; beyond that new pairs are dropped (and counted) rather than let memory grow.
 */
public final class MatchLedger implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(1);
    public static final int DEFAULT_REMEMBERED = 100_000;
    public static final int MAX_PENDING = 100_000;
    /** Rows per transaction: a flush after a burst is several short transactions. */
    private static final int CHUNK = 500;

    private final Database database;
    private final InstantSource clock;
    private final long refreshMillis;
    private final Object lock = new Object();
    /** One flush at a time (the background writer's, a test's, the last one on close). */
    private final Object flushing = new Object();
    /** Pairs written, with when they were last matched as written; access order, so the least recently matched go first. */
    private final LinkedHashMap<Pair, Long> remembered;
    /** Pairs noted since the last flush, with when they were last matched. */
    private HashMap<Pair, Long> pending = new HashMap<>();
    /** The batch being written, until it commits: still read by {@link #matchers}. */
    private Map<Pair, Long> writing = Map.of();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final BackgroundRounds rounds;

    /** An entry shown to an organisation. */
    record Pair(long entryId, String organisation) {}

    public MatchLedger(Database database, InstantSource clock) {
        this(database, clock, DEFAULT_INTERVAL, DEFAULT_REFRESH, DEFAULT_REMEMBERED);
    }

    /**
     * @param interval   how often the background writer flushes, once {@linkplain #start() started}
     * @param refresh    how long a written pair is not written again
     * @param remembered how many written pairs are remembered
     */
    public MatchLedger(Database database, InstantSource clock, Duration interval, Duration refresh, int remembered) {
        if (remembered < 1) throw new IllegalArgumentException("remembered must be at least 1, not " + remembered);
        this.database = database;
        this.clock = clock;
        this.rounds = new BackgroundRounds("vgtx-match-ledger", interval, this::flush, "records of who matched which entry", this::pending);
        this.refreshMillis = refresh.toMillis();
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Pair, Long> eldest) {
                return size() > remembered;
            }
        };
    }

    /**
     * Notes that these entries were shown to the organisation. Memory only, no I/O: for the match request's thread.
     */
    public void offer(String organisation, Set<Long> entryIds) {
        long now = clock.millis();
        synchronized (lock) {
            for (long entryId : entryIds) {
                Pair pair = new Pair(entryId, organisation);
                Long writtenAt = remembered.get(pair);
                if (writtenAt != null && now - writtenAt < refreshMillis) continue;
                if (pending.size() >= MAX_PENDING && !pending.containsKey(pair)) {
                    dropped.incrementAndGet();
                    continue;
                }
                pending.put(pair, now);
            }
        }
    }

    /**
     * Writes the pairs noted since the last flush, in transactions of at most {@value #CHUNK}; nothing at all when there
     * are none. When a write fails, the pairs not written wait for the next flush and the failure is thrown.
     *
     * @return the pairs written
     */
    public int flush() {
        synchronized (flushing) {
            return flushNow();
        }
    }

    private int flushNow() {
        Map<Pair, Long> batch;
        synchronized (lock) {
            if (pending.isEmpty()) return 0;
            batch = pending;
            pending = new HashMap<>();
            writing = batch;
        }
        List<Map.Entry<Pair, Long>> rows = new ArrayList<>(batch.entrySet());
        int done = 0;
        try {
            // A transaction per chunk: the node's other writers (notifications, audit) wait for one chunk, never a whole burst.
            while (done < rows.size()) {
                List<Map.Entry<Pair, Long>> chunk = rows.subList(done, Math.min(done + CHUNK, rows.size()));
                database.write(handle -> {
                    write(handle, chunk);
                    return null;
                });
                synchronized (lock) {
                    for (Map.Entry<Pair, Long> row : chunk) remembered.put(row.getKey(), row.getValue());
                }
                done += chunk.size();
                written.addAndGet(chunk.size());
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                // Back in line for the next round, unless newer notes of the same pair are there already.
                for (Map.Entry<Pair, Long> row : rows.subList(done, rows.size())) {
                    if (pending.size() >= MAX_PENDING && !pending.containsKey(row.getKey())) {
                        dropped.incrementAndGet();
                        continue;
                    }
                    pending.putIfAbsent(row.getKey(), row.getValue());
                }
                writing = Map.of();
            }
            throw e;
        }
        synchronized (lock) {
            writing = Map.of();
        }
        return rows.size();
    }

    private static void write(Handle handle, List<Map.Entry<Pair, Long>> rows) {
        var statement = handle.prepareBatch("""
                INSERT INTO entry_matchers (entry_id, organisation, first_matched_at, last_matched_at) VALUES (:entry, :org, :at, :at)
                ON CONFLICT (entry_id, organisation) DO UPDATE SET last_matched_at = excluded.last_matched_at""");
        for (Map.Entry<Pair, Long> row : rows) {
            statement.bind("entry", row.getKey().entryId()).bind("org", row.getKey().organisation()).bind("at", row.getValue()).add();
        }
        statement.execute();
    }

    /**
     * Every organisation the entry was shown to: those written and those still in memory. Inside the caller's
     * transaction (a retraction's), so a pair written by a flush that commits first is read from the table, and one
     * not yet written from memory.
     */
    public TreeSet<String> matchers(Handle handle, long entryId) {
        TreeSet<String> organisations = new TreeSet<>(handle.createQuery("SELECT organisation FROM entry_matchers WHERE entry_id = :entry")
                .bind("entry", entryId).mapTo(String.class).list());
        synchronized (lock) {
            for (Pair pair : pending.keySet()) if (pair.entryId() == entryId) organisations.add(pair.organisation());
            for (Pair pair : writing.keySet()) if (pair.entryId() == entryId) organisations.add(pair.organisation());
        }
        return organisations;
    }

    /** Pairs noted and not yet written. */
    public int pending() {
        synchronized (lock) {
            return pending.size() + writing.size();
        }
    }

    /** Pairs written since the node started. */
    public long written() {
        return written.get();
    }

    /** Pairs dropped because too many were waiting for a database that could not be written. */
    public long dropped() {
        return dropped.get();
    }

    /** Starts the background writer; a second call does nothing. */
    public MatchLedger start() {
        rounds.start();
        return this;
    }

    /** Stops the background writer (a round in progress finishes) and writes what is left. Before the database closes. */
    @Override
    public void close() {
        rounds.close();
    }
}
