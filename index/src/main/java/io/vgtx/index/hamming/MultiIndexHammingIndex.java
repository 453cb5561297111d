package io.vgtx.index.hamming;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * Exact Hamming range search by multi-index hashing (Norouzi, Punjani and Fleet, "Fast Exact Search in
 * Hamming Space with Multi-Index Hashing", 2014), strengthened with a pigeonhole over neighbouring
 * substrings ({@link Pigeonhole}).
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>Entries live in slots: {@code codes[4s .. 4s+4)} (the four words side by side, so checking a
 *       candidate costs one cache line) and {@code ids.get(s)} ({@link SlotIds}).
 *   <li>The 256 bits are cut into {@link Tuning#tables()} substrings, one {@link BucketTable} each.
 *       A table groups entries on the low bits of its substring (as many as the memory budget for
 *       group offsets allows at the current entry count, {@link Tuning#offsetBytes()}); each entry carries
 *       the rest of the substring and bits of the next substring.
 *   <li>A search for radius r gives substring i a threshold a_i (Σ(a_i + 1) = r + 1) and a pair bound
 *       b_i. Table i reads every group within a_i of the query's group and keeps the entries whose
 *       substring is within a_i and whose substring plus next substring are within b_i: every code within r
 *       passes in some table, and a random code almost never does. Survivors are checked on their code,
 *       each once: a small per-search set of verified slots stops near-duplicates that several tables keep
 *       from being fetched or reported twice.
 * </ul>
 * The work is a few thousand random memory reads per query at 10 M entries, so each search step is a
 * sweep over small arrays whose loads are independent: the CPU then overlaps the cache misses.
 *
 * <h2>Changes</h2>
 * Each add or remove is visible to the next search; nothing is rebuilt per change:
 * <ul>
 *   <li>An add writes a slot (reusing a freed one when it can) and appends it to the <em>journal</em>.
 *       Searches scan the journal linearly; table probes skip journal slots (the {@code pending} bit)
 *       so that those are reported once. The journal is kept short, {@link Tuning#pendingLimit}.
 *   <li>A remove sets the slot's {@code dead} bit; searches skip dead slots.
 *   <li>When the journal or the dead list reaches its limit a <em>round</em> starts: each of the next
 *       writes merges the journal into one table and drops dead slots from it ({@link BucketTable#merge}:
 *       the touched groups are rewritten, the rest block-copied), so no single write pays for more than one
 *       table. Group count changes
 *       happen the same way, one table per write. A slot that was dead before a round started is
 *       referenced by no table once the round ends, and only then is it reused.
 * </ul>
 *
 * <h2>Threads</h2>
 * A {@link ReentrantReadWriteLock}: any number of concurrent searches, writes one at a time. A
 * {@link HitSink} runs under the read lock and must not call back into the index.
 */
public final class MultiIndexHammingIndex implements HammingIndex {

    /**
     * Shape and maintenance limits.
     *
     * @param tables      number of substrings / tables (8..32)
     * @param entryBytes  bytes per table entry (5 or 6): 26 bits of slot, the rest carried bits for filtering
     * @param offsetBytes the most bytes per entry the tables' group offsets may take together: each table
     *                    gets the largest power-of-two group count that fits (4 bytes per group), so they
     *                    take between half of this and all of it. More groups mean more, smaller probes
     *                    and fewer entries to filter: a query at 10 M entries is ~20% faster with 2^21
     *                    groups per table than with 2^20
     * @param minPending  journal and dead-list limit for small indexes
     * @param maxPending  journal and dead-list limit for large ones: bounds the linear part of a search
     */
    public record Tuning(int tables, int entryBytes, double offsetBytes, int minPending, int maxPending) {
        /*
         * Both shapes spend at most 128 bytes an entry: codes 32 and ids 4 (SlotIds), both up to 1/32 more after
         * growth (1.1); id map 5.0 to 6.2 (IdSlotMap); dead and pending bits 0.25; that is
         * 43.5 at most, and the tables' entries and group offsets have the rest.
         */

        /**
         * Up to a few million entries: 16 substrings of 16 bits, so radius 31 probes every table within 1 (17
         * groups each, 272 in all, against 1 304 for {@link #LARGE}), with 5-byte entries (16 × 5 = 80) and
         * 4.4 bytes for offsets: from ~950 k entries every table has all 2^16 groups. Measured at 1 M
         * (`vgtx bench index`): 19 µs a query against 60 µs for {@link #LARGE}.
         */
        public static final Tuning SMALL = new Tuning(16, 5, 4.4, 256, 8192);
        /**
         * Beyond: a 16-bit substring has at most 2^16 groups, so {@link #SMALL}'s groups keep growing with the
         * index (2× slower than this at 10 M). 12 tables beat 11 by ~15%; 6-byte entries 12 × 6 = 72 and 10.5 for
         * group offsets: 2^21 groups per table at 10 M.
         */
        public static final Tuning LARGE = new Tuning(12, 6, 10.5, 256, 8192);
        /** The most entries {@link #forSize} gives {@link #SMALL}: the two shapes search equally fast at ~4.5 M. */
        public static final int SMALL_LIMIT = 4_000_000;

        /** The faster shape for an index of {@code entries} entries. */
        public static Tuning forSize(long entries) {
            return entries <= SMALL_LIMIT ? SMALL : LARGE;
        }

        public Tuning {
            if (tables < 8 || tables > 32) throw new IllegalArgumentException("tables must be 8..32: " + tables);
            if (entryBytes < BucketTable.MIN_ENTRY_BYTES || entryBytes > BucketTable.MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entryBytes must be " + BucketTable.MIN_ENTRY_BYTES + ".."
                        + BucketTable.MAX_ENTRY_BYTES + ": " + entryBytes);
            }
            if (!(offsetBytes > 0)) throw new IllegalArgumentException("offsetBytes must be positive: " + offsetBytes);
            if (minPending < 1 || maxPending < minPending) {
                throw new IllegalArgumentException("need 1 <= minPending <= maxPending");
            }
        }

        /** A shape given as the fewest entries per group on average (tests use it to force tiny or huge groups). */
        public static Tuning withGroupSize(int tables, int groupSize, int minPending, int maxPending) {
            return withGroupSize(tables, BucketTable.MAX_ENTRY_BYTES, groupSize, minPending, maxPending);
        }

        public static Tuning withGroupSize(int tables, int entryBytes, int groupSize, int minPending, int maxPending) {
            if (groupSize < 1) throw new IllegalArgumentException("groupSize must be positive: " + groupSize);
            return new Tuning(tables, entryBytes, (double) Integer.BYTES * tables / groupSize, minPending, maxPending);
        }

        /** The journal and dead-list limit at {@code live} entries: 1/256 of the index, clamped. */
        int pendingLimit(int live) {
            return Math.clamp(live >>> 8, minPending, maxPending);
        }

        /** Substring t is bits [256·t/tables, 256·(t+1)/tables). */
        int substringStart(int t) {
            return t * Code256.BITS / tables;
        }

        int substringLength(int t) {
            return substringStart(t + 1) - substringStart(t);
        }
    }

    /** Slots are packed into 26 bits of a table entry. */
    public static final int MAX_ENTRIES = 1 << BucketTable.SLOT_BITS;
    private static final int MIN_GROUP_BITS = 4;
    /** 2^24 groups (64 MiB of offsets) per table is plenty. */
    private static final int MAX_GROUP_BITS = 24;
    /** Entries always carry at least this many neighbour bits: fewer would filter too little. */
    private static final int MIN_NEIGHBOUR_BITS = 8;
    /** Slots the code and id arrays grow by at least: small indexes grow in fewer, cheap copies. */
    private static final int MIN_GROWTH = 256;
    /** Candidates are gathered and then verified in batches of this many, to overlap their cache misses. */
    private static final int CANDIDATE_BATCH = 512;

    private final Tuning tuning;
    private final int[][] thresholdsByRadius;
    private final int[][] pairBoundsByRadius;
    private final int maxProbes;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** A search's buffers are ~20 KiB: reused rather than allocated per query, which made most of a match request's garbage. */
    private final ScratchPool<Scratch> scratches;

    private long[] codes;
    private SlotIds ids;
    private long[] dead;
    /** Slots in the journal: probes skip them, the journal scan reports them. */
    private long[] pending;
    private int slotCount;
    private int live;
    private final IdSlotMap slotsById;

    private final BucketTable[] tables;
    /** Slots added since the tables last caught up; merged[t] = how much of it table t already holds. */
    private int[] journal = new int[64];
    private int journalLength;
    private final int[] merged;
    /** Dead slots: dying (tables may hold them), limbo (the running round drops them), free (reusable). */
    private final IntList dying = new IntList();
    private final IntList limbo = new IntList();
    private final IntList free = new IntList();
    /** The next table to merge in the running round; tables.length when no round runs. */
    private int roundNext;
    /** Tables built from scratch so far (bulk load and group count changes), for tests. */
    final AtomicInteger tableBuilds = new AtomicInteger();

    public MultiIndexHammingIndex() {
        this(Tuning.SMALL);
    }

    public MultiIndexHammingIndex(Tuning tuning) {
        this(tuning, new long[0], new long[0]);
    }

    /** An index holding the given entries, built in bulk in the shape for their number; a repeated id keeps its last code. */
    public static MultiIndexHammingIndex bulkLoad(long[] ids, long[] codes) {
        return bulkLoad(ids, codes, Tuning.forSize(ids.length));
    }

    /** As {@link #bulkLoad(long[], long[])}: ids[i] has the code codes[4i .. 4i+4) in w0..w3 order. */
    public static MultiIndexHammingIndex bulkLoad(long[] ids, long[] codes, Tuning tuning) {
        Arguments.checkBulk(ids, codes);
        return new MultiIndexHammingIndex(tuning, ids, codes);
    }

    private MultiIndexHammingIndex(Tuning tuning, long[] ids, long[] codes) {
        if (ids.length > MAX_ENTRIES) throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries");
        this.tuning = tuning;
        int m = tuning.tables();
        this.thresholdsByRadius = new int[MAX_RADIUS + 1][];
        this.pairBoundsByRadius = new int[MAX_RADIUS + 1][];
        for (int r = 0; r <= MAX_RADIUS; r++) {
            thresholdsByRadius[r] = Pigeonhole.thresholds(r, m);
            pairBoundsByRadius[r] = Pigeonhole.pairBounds(thresholdsByRadius[r]);
        }
        int widest = IntStream.range(0, m).map(tuning::substringLength).max().orElseThrow();
        this.maxProbes = Pigeonhole.probeCount(Math.min(widest, MAX_GROUP_BITS), thresholdsByRadius[MAX_RADIUS][0]);
        this.scratches = new ScratchPool<>(() -> new Scratch(maxProbes));
        this.merged = new int[m];
        this.roundNext = m;

        int capacity = Math.max(16, ids.length);
        this.codes = Arrays.copyOf(codes, 4 * capacity);
        this.ids = new SlotIds(capacity);
        for (int s = 0; s < ids.length; s++) this.ids.set(s, ids[s]);
        this.dead = Bits.forSlots(capacity);
        this.pending = Bits.forSlots(capacity);
        this.slotCount = ids.length;
        this.slotsById = new IdSlotMap(ids.length);
        for (int s = 0; s < ids.length; s++) {
            int replaced = slotsById.put(ids[s], s, this.ids);
            if (replaced >= 0) {
                // No table exists yet, so the replaced slot can be reused at once.
                Bits.set(dead, replaced);
                free.add(replaced);
            }
        }
        this.live = slotsById.size();
        int groupBits = idealGroupBits();
        this.tables = IntStream.range(0, m).parallel().mapToObj(t -> buildTable(t, groupBits))
                .toArray(BucketTable[]::new);
    }

    /**
     * Table t over substring t: group on its first {@code groupBits} bits, carry the rest of the substring
     * and as much of substring t + 1 as fits in an entry.
     */
    private BucketTable buildTable(int t, int groupBits) {
        tableBuilds.incrementAndGet();
        int m = tuning.tables();
        int length = tuning.substringLength(t);
        int bits = Math.min(length, groupBits);
        int carried = BucketTable.carriedBits(tuning.entryBytes());
        int subBits = Math.min(length - bits, carried - MIN_NEIGHBOUR_BITS);
        int next = (t + 1) % m;
        int neighbourBits = Math.min(tuning.substringLength(next), carried - subBits);
        return BucketTable.build(bits, new BitRange(tuning.substringStart(t), bits + subBits),
                new BitRange(tuning.substringStart(next), neighbourBits), tuning.entryBytes(), codes, slotCount, dead);
    }

    // ---- writes ----

    @Override
    public void add(long id, Code256 code) {
        lock.writeLock().lock();
        try {
            int slot = allocateSlot();
            ids.set(slot, id);
            int at = slot << 2;
            codes[at] = code.w0();
            codes[at + 1] = code.w1();
            codes[at + 2] = code.w2();
            codes[at + 3] = code.w3();
            Bits.clear(dead, slot);
            Bits.set(pending, slot);
            if (journalLength == journal.length) journal = Arrays.copyOf(journal, 2 * journalLength);
            journal[journalLength++] = slot;
            int replaced = slotsById.put(id, slot, ids);
            if (replaced >= 0) retire(replaced);
            else live++;
            maintain();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            int slot = slotsById.remove(id, ids);
            if (slot < 0) return false;
            retire(slot);
            live--;
            maintain();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int allocateSlot() {
        if (!free.isEmpty()) return free.pop();
        if (slotCount == ids.capacity()) {
            if (slotCount == MAX_ENTRIES) throw new IllegalStateException("index full: " + MAX_ENTRIES + " slots");
            // Grow by a 32nd: unused capacity counts against the 128 bytes an entry may cost, and at 36 bytes
            // of code and id per slot a larger step would spend it (still amortised O(1) per add).
            int capacity = (int) Math.min(MAX_ENTRIES, slotCount + Math.max(slotCount >> 5, MIN_GROWTH));
            ids.grow(capacity);
            codes = Arrays.copyOf(codes, 4 * capacity);
            dead = Arrays.copyOf(dead, Bits.forSlots(capacity).length);
            pending = Arrays.copyOf(pending, dead.length);
        }
        return slotCount++;
    }

    private void retire(int slot) {
        Bits.set(dead, slot);
        dying.add(slot);
    }

    /** Does at most one table's worth of catching up, so that the cost of merging is spread over writes. */
    private void maintain() {
        if (roundNext == tables.length) {
            if (!roundNeeded()) return;
            limbo.addAll(dying);
            dying.clear();
            roundNext = 0;
        }
        catchUp(roundNext++);
        trimJournal();
        if (roundNext == tables.length) {
            free.addAll(limbo);
            limbo.clear();
        }
    }

    private boolean roundNeeded() {
        int limit = tuning.pendingLimit(live);
        return journalLength >= limit || dying.size() >= limit
                || groupCountsOutdated();
    }

    private boolean groupCountsOutdated() {
        int ideal = idealGroupBits();
        for (int t = 0; t < tables.length; t++) {
            if (targetGroupBits(t, ideal) != tables[t].groupBits) return true;
        }
        return false;
    }

    /** Brings table t up to date: the journal merged in and dead slots dropped, or rebuilt with a new group count. */
    private void catchUp(int t) {
        BucketTable table = tables[t];
        int groupBits = targetGroupBits(t, idealGroupBits());
        if (groupBits != table.groupBits) {
            tables[t] = buildTable(t, groupBits);
        } else {
            int[] added = Arrays.stream(journal, merged[t], journalLength).filter(s -> !Bits.get(dead, s)).toArray();
            table.merge(codes, added, IntList.concat(dying, limbo), dead);
        }
        merged[t] = journalLength;
    }

    /** Drops the journal prefix that every table holds; those slots stop being pending. */
    private void trimJournal() {
        int done = Arrays.stream(merged).min().orElseThrow();
        if (done == 0) return;
        for (int j = 0; j < done; j++) Bits.clear(pending, journal[j]);
        System.arraycopy(journal, done, journal, 0, journalLength - done);
        journalLength -= done;
        for (int t = 0; t < merged.length; t++) merged[t] -= done;
    }

    /** The most groups per table whose offsets fit in {@link Tuning#offsetBytes()} per entry. */
    private int idealGroupBits() {
        double groups = Math.max(live, 1) * tuning.offsetBytes() / (Integer.BYTES * tuning.tables());
        int log2 = 63 - Long.numberOfLeadingZeros(Math.max(1, (long) groups));
        return Math.clamp(log2, MIN_GROUP_BITS, MAX_GROUP_BITS);
    }

    /** Grow as soon as the ideal grows, shrink only when it is two bits smaller, so sizes near a boundary do not thrash. */
    private int targetGroupBits(int t, int idealGroupBits) {
        // A table cannot group on more bits than its substring has (16 in the small shape, from ~1 M entries).
        int ideal = Math.min(idealGroupBits, tuning.substringLength(t));
        int current = tables[t].groupBits;
        return ideal > current || ideal < current - 1 ? ideal : current;
    }

    // ---- reads ----

    @Override
    public boolean contains(long id) {
        lock.readLock().lock();
        try {
            return slotsById.get(id, ids) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void search(Code256 query, int radius, HitSink sink) {
        Arguments.checkRadius(radius);
        Scratch scratch = scratches.take();
        lock.readLock().lock();
        try {
            new Search(query, radius, sink, scratch).run();
        } finally {
            lock.readLock().unlock();
            scratches.give(scratch);
        }
    }

    public Tuning tuning() {
        return tuning;
    }

    /** Every live entry, as {@link #bulkLoad(long[], long[], Tuning)} takes them: to rebuild in another shape. */
    Entries entries() {
        lock.readLock().lock();
        try {
            long[] liveIds = new long[live];
            long[] liveCodes = new long[4 * live];
            int n = 0;
            for (int s = 0; s < slotCount; s++) {
                if (Bits.get(dead, s)) continue;
                liveIds[n] = ids.get(s);
                System.arraycopy(codes, s << 2, liveCodes, n << 2, 4);
                n++;
            }
            return new Entries(liveIds, liveCodes);
        } finally {
            lock.readLock().unlock();
        }
    }

    record Entries(long[] ids, long[] codes) {}

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long memoryBytes() {
        lock.readLock().lock();
        try {
            long bytes = 8L * codes.length + ids.memoryBytes() + 8L * dead.length + 8L * pending.length
                    + slotsById.memoryBytes() + 4L * journal.length + 4L * merged.length
                    + dying.memoryBytes() + limbo.memoryBytes() + free.memoryBytes();
            for (BucketTable table : tables) bytes += table.memoryBytes();
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The test a table applies to its entries for one query: the carried bits against the query's. */
    private record Filter(int sub, int subMask, int neighbour, int neighbourShift) {
        Filter(BucketTable table, int key, int neighbour) {
            this(table.sub(key), (1 << table.subBits()) - 1, neighbour, BucketTable.SLOT_BITS + table.subBits());
        }

        /**
         * 1 if the entry's sub-key is within {@code budget} and sub-key plus neighbour bits within
         * {@code pairBudget}, else 0. Arithmetic on sign bits rather than branches: the outcome is random.
         */
        int keeps(long entry, int budget, int pairBudget) {
            // A table that groups on its whole substring carries no sub-key (the small shape): one count, not two.
            if (subMask == 0) return (pairBudget - Integer.bitCount((int) (entry >>> neighbourShift) ^ neighbour)) >>> 31 ^ 1;
            int subDistance = Integer.bitCount((int) (entry >>> BucketTable.SLOT_BITS) & subMask ^ sub);
            int neighbourDistance = Integer.bitCount((int) (entry >>> neighbourShift) ^ neighbour);
            return ((budget - subDistance) | (pairBudget - subDistance - neighbourDistance)) >>> 31 ^ 1;
        }
    }

    /** The buffers of one search, sized for the largest probe set any radius needs; the verified set is emptied for each use. */
    private static final class Scratch {
        final int[] probes;
        final int[] budgets;
        final int[] starts;
        final int[] ends;
        final long[] firsts;
        final long[] lasts;
        final int[] candidates = new int[CANDIDATE_BATCH];
        final int[] partial = new int[CANDIDATE_BATCH];
        final SlotSet verified = new SlotSet();

        Scratch(int maxProbes) {
            probes = new int[maxProbes];
            budgets = new int[maxProbes];
            starts = new int[maxProbes];
            ends = new int[maxProbes];
            firsts = new long[maxProbes];
            lasts = new long[maxProbes];
        }
    }

    /** One query's state, over borrowed scratch buffers; runs under the read lock. */
    private final class Search {
        private final long q0;
        private final long q1;
        private final long q2;
        private final long q3;
        private final int radius;
        private final HitSink sink;
        private final int[] thresholds;
        private final int[] pairBounds;
        /** Per table: the query's own key and neighbour bits, as the table reads them. */
        private final int[] keys;
        private final int[] neighbours;
        private final int[] probes;
        private final int[] budgets;
        private final int[] starts;
        private final int[] ends;
        private final long[] firsts;
        private final long[] lasts;
        private final int[] candidates;
        private final int[] partial;
        private final SlotSet verified;

        Search(Code256 query, int radius, HitSink sink, Scratch scratch) {
            this.probes = scratch.probes;
            this.budgets = scratch.budgets;
            this.starts = scratch.starts;
            this.ends = scratch.ends;
            this.firsts = scratch.firsts;
            this.lasts = scratch.lasts;
            this.candidates = scratch.candidates;
            this.partial = scratch.partial;
            this.verified = scratch.verified;
            verified.clear();
            this.q0 = query.w0();
            this.q1 = query.w1();
            this.q2 = query.w2();
            this.q3 = query.w3();
            this.radius = radius;
            this.sink = sink;
            this.thresholds = thresholdsByRadius[radius];
            this.pairBounds = pairBoundsByRadius[radius];
            this.keys = new int[tables.length];
            this.neighbours = new int[tables.length];
            for (int t = 0; t < tables.length; t++) {
                keys[t] = tables[t].key.of(q0, q1, q2, q3);
                neighbours[t] = tables[t].neighbour.of(q0, q1, q2, q3);
            }
        }

        void run() {
            for (int t = 0; t < tables.length; t++) {
                if (thresholds[t] >= 0 && tables[t].size() > 0) probeTable(t);
            }
            scanJournal();
        }

        /**
         * Every group within the threshold of the query's group, filtered on the entries' carried bits.
         * The loops that take cache misses (bucket bounds, then both ends of each group, which may straddle
         * two lines) do nothing but load and store; the filtering loop after them finds its data in cache.
         */
        private void probeTable(int t) {
            BucketTable table = tables[t];
            int[] offsets = table.offsets;
            int threshold = thresholds[t];
            int n = Pigeonhole.probes(table.group(keys[t]), table.groupBits, threshold, probes, budgets);
            for (int i = 0; i < n; i++) {
                starts[i] = offsets[probes[i]];
                ends[i] = offsets[probes[i] + 1];
            }
            int last = table.size() - 1;
            for (int i = 0; i < n; i++) {
                firsts[i] = table.entry(Math.min(starts[i], last));
                lasts[i] = table.entry(Math.max(ends[i] - 1, 0));
            }
            Filter filter = new Filter(table, keys[t], neighbours[t]);
            int count = 0;
            for (int i = 0; i < n; i++) {
                int start = starts[i];
                int end = ends[i];
                if (start == end) continue;
                int budget = budgets[i];
                // The group's own flips used threshold - budget of the pair bound already.
                int pairBudget = pairBounds[t] - (threshold - budget);
                if (count + (end - start) > CANDIDATE_BATCH) {
                    verify(t, count);
                    count = 0;
                }
                if (end - start > CANDIDATE_BATCH) {
                    count = filterLargeGroup(t, filter, start, end, budget, pairBudget);
                    continue;
                }
                candidates[count] = BucketTable.slot(firsts[i]);
                count += filter.keeps(firsts[i], budget, pairBudget);
                for (int j = start + 1; j < end - 1; j++) {
                    long entry = table.entry(j);
                    candidates[count] = BucketTable.slot(entry);
                    count += filter.keeps(entry, budget, pairBudget);
                }
                if (end - start > 1) {
                    candidates[count] = BucketTable.slot(lasts[i]);
                    count += filter.keeps(lasts[i], budget, pairBudget);
                }
            }
            verify(t, count);
        }

        /**
         * A group too large for the candidate buffer (many near-identical codes): verify as it fills.
         * Returns how many candidates it leaves in the buffer.
         */
        private int filterLargeGroup(int t, Filter filter, int start, int end, int budget, int pairBudget) {
            BucketTable table = tables[t];
            int count = 0;
            for (int j = start; j < end; j++) {
                long entry = table.entry(j);
                candidates[count] = BucketTable.slot(entry);
                count += filter.keeps(entry, budget, pairBudget);
                if (count == CANDIDATE_BATCH) {
                    verify(t, count);
                    count = 0;
                }
            }
            return count;
        }

        /**
         * Drops candidates an earlier batch or table has verified already; then reads the two words of each
         * candidate that hold none of table t's key bits (cheap to reject a far code, and the pass that
         * takes the cache misses), then does the full check.
         */
        private void verify(int t, int count) {
            int unique = 0;
            for (int i = 0; i < count; i++) {
                if (verified.add(candidates[i])) candidates[unique++] = candidates[i];
            }
            count = unique;
            long[] c = codes;
            int wa = (tables[t].key.word() + 2) & 3;
            int wb = (wa + 1) & 3;
            long qa = word(wa);
            long qb = word(wb);
            for (int i = 0; i < count; i++) {
                int at = candidates[i] << 2;
                partial[i] = Long.bitCount(c[at + wa] ^ qa) + Long.bitCount(c[at + wb] ^ qb);
            }
            for (int i = 0; i < count; i++) {
                if (partial[i] > radius) continue;
                int at = candidates[i] << 2;
                int d = Long.bitCount(c[at] ^ q0) + Long.bitCount(c[at + 1] ^ q1)
                        + Long.bitCount(c[at + 2] ^ q2) + Long.bitCount(c[at + 3] ^ q3);
                if (d <= radius) report(candidates[i], d);
            }
        }

        private long word(int i) {
            return switch (i) {
                case 0 -> q0;
                case 1 -> q1;
                case 2 -> q2;
                default -> q3;
            };
        }

        /** Journal slots are skipped here: the journal scan reports them. */
        private void report(int slot, int d) {
            if (!Bits.get(dead, slot) && !Bits.get(pending, slot)) sink.hit(ids.get(slot), d);
        }

        private void scanJournal() {
            long[] c = codes;
            for (int j = 0; j < journalLength; j++) {
                int slot = journal[j];
                int at = slot << 2;
                int d = Long.bitCount(c[at] ^ q0) + Long.bitCount(c[at + 1] ^ q1)
                        + Long.bitCount(c[at + 2] ^ q2) + Long.bitCount(c[at + 3] ^ q3);
                if (d <= radius && !Bits.get(dead, slot)) sink.hit(ids.get(slot), d);
            }
        }
    }
}
