package io.vgtx.core.ration;

import io.vgtx.index.hamming.Code256;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The quota of hidden answers of one organisation, in memory: which hidden entries it has come near, and per entry and
 * UTC day which distinct query hashes landed near it, which of them were answered, and whether they crowd like a probe.
 * Pure bookkeeping, no I/O, not thread-safe: {@link HiddenAnswers} keeps one per organisation and locks it.
 *
 * <p>Why these rules (issue 14): a hidden entry's hit/no-hit answer is one bit about its value, and a few hundred
 * well-placed bits (the one-bit flips of a hash at the edge of the threshold) give the value away. So:
 * <ul>
 *   <li>Every distinct query hash within {@value #NEAR_BITS} bits of the entry counts, hit or not: a no-hit just past
 *       the threshold says as much as a hit just inside it. Only the first {@code answersPerDay} of them are answered
 *       (a hit when within 31 bits); past them the entry is silent for the organisation until the next UTC day.
 *   <li>The same query hash again counts once and gets the same answer all day: an organisation that matches the same
 *       image twice is not penalised, and repeating a hash teaches nothing new (its answer cannot change).
 *   <li>Only entries the organisation has come within 31 bits of (a hit, in the last {@value #TRACK_DAYS} days) are
 *       watched at 48 bits: the match index searches up to 31 bits, and a 48-bit search would cost ~40 times as much
 *       on every query. Until a query comes within 31 bits, the entry's answers were all "no hit", the same as if it
 *       did not exist. At most {@value #MAX_TRACKED} entries are watched per organisation (the least recently
 *       approached go first): scanning them costs ~2 ns each per query hash.
 *   <li>A probe is {@value #PROBE_CLUSTER} distinct query hashes near the entry within {@value #PROBE_SPREAD} bits of
 *       one of them (the attack's hashes are 1-2 bits apart; two re-encodings of one image are often 4-10 apart, so a
 *       third near copy is told as suspected, never refused). Told once per organisation, entry and day.
 * </ul>
 */
public final class HiddenQuota {
    public static final int DEFAULT_ANSWERS_PER_DAY = 8;
    /** Query hashes within this many bits of a hidden entry count against its quota. */
    public static final int NEAR_BITS = 48;
    /** Two query hashes within this many bits of each other crowd. */
    public static final int PROBE_SPREAD = 8;
    /** Distinct crowding query hashes near one entry that make a probe. */
    public static final int PROBE_CLUSTER = 3;
    /** Days an entry stays watched after the organisation last came near it. */
    public static final int TRACK_DAYS = 30;
    public static final int MAX_TRACKED = 10_000;
    /**
     * Distinct query hashes kept per entry and day, for deduplication and probe detection: 64 × 32 bytes. Beyond them a
     * hash not kept counts again when repeated (the answered ones are always kept, so their answers stay the same).
     */
    static final int KEPT = 64;

    private final int answersPerDay;
    private final Map<Long, Watched> watched = new LinkedHashMap<>();
    /** The watched codes side by side (four words each) and their entry ids, rebuilt when the watched set changes. */
    private long[] codes = new long[0];
    private long[] ids = new long[0];
    private boolean stale;
    private final Map<Long, Approach> today = new HashMap<>();

    /** An entry the organisation came within 31 bits of. */
    public record Watched(long entryId, String owner, Code256 code, LocalDate lastNear) {
        public Watched {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(lastNear, "lastNear");
        }
    }

    /** A watched entry near a query: the closest of the query's hashes (a bare hash has one, an image eight) and its distance. */
    public record Near(Watched entry, Code256 query, int distance) {}

    /**
     * What counting one query hash near one entry came to.
     *
     * @param answered    whether the answer may depend on the entry (a hit when within 31 bits); false: silent
     * @param nearQueries distinct query hashes of the organisation near the entry today, this one included
     * @param probe       the query hashes crowd like a probe, first noticed now: tell the owner
     * @param changed     whether the counts changed (a new hash): to be written
     */
    public record Decision(boolean answered, long nearQueries, boolean probe, boolean changed) {}

    /** One entry's day: the hashes kept (the answered ones first), how many distinct ones came, whether a probe was told. */
    private static final class Approach {
        final LocalDate day;
        final Set<Code256> answered = new HashSet<>();
        final List<Code256> kept = new ArrayList<>();
        final Set<Code256> keptSet = new HashSet<>();
        long nearQueries;
        boolean probeTold;

        Approach(LocalDate day) {
            this.day = day;
        }
    }

    public HiddenQuota(int answersPerDay) {
        if (answersPerDay < 1 || answersPerDay > KEPT)
            throw new IllegalArgumentException("hidden answers per day must be 1.." + KEPT + ", not " + answersPerDay);
        this.answersPerDay = answersPerDay;
    }

    /** Watches an entry the organisation came within 31 bits of on {@code day}. */
    public void watch(long entryId, String owner, Code256 code, LocalDate day) {
        Watched before = watched.remove(entryId);
        if (before != null && before.lastNear().isAfter(day)) day = before.lastNear();
        watched.put(entryId, new Watched(entryId, owner, code, day));
        if (before == null) {
            stale = true;
            if (watched.size() > MAX_TRACKED) watched.remove(watched.keySet().iterator().next());
        }
    }

    /** The watched entries within {@value #NEAR_BITS} bits of any of {@code queries}, each with the closest. Drops those watched too long. */
    public List<Near> near(List<Code256> queries, LocalDate day) {
        if (watched.isEmpty() || queries.isEmpty()) return List.of();
        refresh(day);
        List<Near> near = new ArrayList<>();
        for (int e = 0; e < ids.length; e++) {
            int best = Integer.MAX_VALUE;
            Code256 closest = null;
            for (Code256 q : queries) {
                int d = Long.bitCount(codes[4 * e] ^ q.w0()) + Long.bitCount(codes[4 * e + 1] ^ q.w1())
                        + Long.bitCount(codes[4 * e + 2] ^ q.w2()) + Long.bitCount(codes[4 * e + 3] ^ q.w3());
                if (d < best) {
                    best = d;
                    closest = q;
                }
            }
            if (best <= NEAR_BITS) near.add(new Near(watched.get(ids[e]), closest, best));
        }
        return near;
    }

    /**
     * Counts {@code query} as landing near the entry on {@code day}: a hash seen before today gets its answer again, a
     * new one is answered while fewer than {@code answersPerDay} were; every new one is counted and checked for a probe.
     */
    public Decision count(long entryId, Code256 query, LocalDate day) {
        Approach approach = today.get(entryId);
        if (approach == null || !approach.day.equals(day)) {
            approach = new Approach(day);
            today.put(entryId, approach);
        }
        if (approach.keptSet.contains(query)) return new Decision(approach.answered.contains(query), approach.nearQueries, false, false);
        approach.nearQueries++;
        // By the count, not by the hashes answered: after a crash that lost some of those, fewer answers, never more.
        boolean answered = approach.nearQueries <= answersPerDay;
        if (answered) approach.answered.add(query);
        boolean probe = !approach.probeTold && crowding(approach, query) + 1 >= PROBE_CLUSTER;
        if (probe) approach.probeTold = true;
        if (approach.kept.size() < KEPT) {
            approach.kept.add(query);
            approach.keptSet.add(query);
        }
        return new Decision(answered, approach.nearQueries, probe, true);
    }

    /** Kept hashes within {@value #PROBE_SPREAD} bits of {@code query}. */
    private static int crowding(Approach approach, Code256 query) {
        int close = 0;
        for (Code256 k : approach.kept) if (distance(k, query) <= PROBE_SPREAD) close++;
        return close;
    }

    /** Brings back a day written before (after a restart): its count, whether a probe was told, the hashes answered. */
    public void restore(long entryId, LocalDate day, long nearQueries, boolean probeTold, Set<Code256> answered) {
        Approach approach = new Approach(day);
        approach.nearQueries = nearQueries;
        approach.probeTold = probeTold;
        approach.answered.addAll(answered);
        approach.kept.addAll(answered);
        approach.keptSet.addAll(answered);
        today.put(entryId, approach);
    }

    /** Whether the entry's day has had a probe told, and the hashes answered (for writing). */
    public boolean probeTold(long entryId) {
        Approach approach = today.get(entryId);
        return approach != null && approach.probeTold;
    }

    public int watchedCount() {
        return watched.size();
    }

    /** Forgets days before {@code day} (written already) and entries not approached for {@value #TRACK_DAYS} days. */
    private void refresh(LocalDate day) {
        today.values().removeIf(a -> a.day.isBefore(day));
        LocalDate oldest = day.minusDays(TRACK_DAYS);
        if (watched.values().removeIf(w -> w.lastNear().isBefore(oldest))) stale = true;
        if (!stale) return;
        codes = new long[4 * watched.size()];
        ids = new long[watched.size()];
        int i = 0;
        for (Watched w : watched.values()) {
            ids[i] = w.entryId();
            codes[4 * i] = w.code().w0();
            codes[4 * i + 1] = w.code().w1();
            codes[4 * i + 2] = w.code().w2();
            codes[4 * i + 3] = w.code().w3();
            i++;
        }
        stale = false;
    }

    static int distance(Code256 a, Code256 b) {
        return Long.bitCount(a.w0() ^ b.w0()) + Long.bitCount(a.w1() ^ b.w1()) + Long.bitCount(a.w2() ^ b.w2()) + Long.bitCount(a.w3() ^ b.w3());
    }
}
