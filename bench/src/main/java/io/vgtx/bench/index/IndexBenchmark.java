package io.vgtx.bench.index;

import io.vgtx.index.hamming.BruteForceHammingIndex;
import io.vgtx.index.hamming.Code256;
import io.vgtx.index.hamming.HammingIndex;
import io.vgtx.index.hamming.MultiIndexHammingIndex;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Plain-Java benchmark of {@link MultiIndexHammingIndex} against {@link BruteForceHammingIndex} at radius
 * 31, on one thread, in one run (no JMH: quick enough to run from the CLI). Queries are half uniform
 * random and half a stored code with 0..31 bits flipped ({@link HammingData#queries}).
 *
 * <p>Brute force is slow at millions of entries, so it runs only on the first
 * {@value #BRUTE_FORCE_QUERIES} queries: its time per query and the recall are measured there. Recall
 * is the fraction of brute-force hits the index returns; {@code exact} says the two returned the same
 * (id, distance) sets for every one of those queries.
 */
public final class IndexBenchmark {
    public static final int BRUTE_FORCE_QUERIES = 100;
    private static final int RADIUS = HammingIndex.DEFAULT_RADIUS;

    /**
     * @param bruteUs       brute force, microseconds per query (over {@code recallQueries} queries)
     * @param indexUs       the index, microseconds per query (over all {@code queries})
     * @param meanHits      entries found per query, on average
     * @param bytesPerEntry the index's arrays divided by its entries
     * @param buildMillis   bulk load of the index
     * @param tables        the index's shape: its number of tables...
     * @param entryBytes    ...and the bytes of a table entry
     */
    public record Result(int n, int queries, boolean clustered, double bruteUs, double indexUs, double speedup,
                         double recall, boolean exact, int recallQueries, double meanHits,
                         double bytesPerEntry, long buildMillis, int tables, int entryBytes) {
        public double queriesPerSecond() {
            return 1e6 / indexUs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "n=%,d %s queries=%,d  brute %.1f µs/query  index %.1f µs/query (%.0f q/s)  speedup %.1f×  "
                            + "recall %.4f%s over %d queries  hits/query %.1f  %.1f B/entry  build %,d ms  "
                            + "(%d tables × %d-byte entries)",
                    n, clustered ? "clustered" : "uniform", queries, bruteUs, indexUs, queriesPerSecond(), speedup,
                    recall, exact ? " (exact)" : " (NOT EXACT)", recallQueries, meanHits, bytesPerEntry,
                    buildMillis, tables, entryBytes);
        }
    }

    private IndexBenchmark() {}

    public static Result run(int n, int queries, boolean clustered, long seed) {
        return run(n, queries, clustered, seed, MultiIndexHammingIndex.Tuning.forSize(n));
    }

    public static Result run(int n, int queries, boolean clustered, long seed, MultiIndexHammingIndex.Tuning tuning) {
        if (n < 1 || queries < 1) throw new IllegalArgumentException("need n >= 1 and queries >= 1");
        RandomGenerator random = HammingData.random(seed);
        long[] codes = clustered ? HammingData.clustered(n, random) : HammingData.uniform(n, random);
        long[] ids = HammingData.ids(n);
        Code256[] probes = toCodes(HammingData.queries(codes, queries, random));

        long start = System.nanoTime();
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(ids, codes, tuning);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        double bytesPerEntry = (double) index.memoryBytes() / index.size();
        BruteForceHammingIndex brute = BruteForceHammingIndex.bulkLoad(ids, codes);
        codes = null; // let the input go before timing

        time(index, probes, probes.length); // warm-up: JIT and caches
        long[] indexHits = new long[1];
        double indexUs = time(index, probes, probes.length, indexHits);

        int recallQueries = Math.min(BRUTE_FORCE_QUERIES, queries);
        time(brute, probes, Math.min(5, recallQueries));
        double bruteUs = time(brute, probes, recallQueries);

        long expected = 0;
        long found = 0;
        boolean exact = true;
        for (int q = 0; q < recallQueries; q++) {
            Set<Long> truth = hits(brute, probes[q]);
            Set<Long> got = hits(index, probes[q]);
            expected += truth.size();
            for (long hit : got) if (truth.contains(hit)) found++;
            exact &= truth.equals(got);
        }
        double recall = expected == 0 ? 1.0 : (double) found / expected;
        return new Result(n, queries, clustered, bruteUs, indexUs, bruteUs / indexUs, recall, exact, recallQueries,
                (double) indexHits[0] / probes.length, bytesPerEntry, buildMillis, tuning.tables(), tuning.entryBytes());
    }

    private static double time(HammingIndex index, Code256[] queries, int count) {
        return time(index, queries, count, new long[1]);
    }

    /** Microseconds per query over the first {@code count} queries; adds the number of hits to {@code hits[0]}. */
    private static double time(HammingIndex index, Code256[] queries, int count, long[] hits) {
        long start = System.nanoTime();
        for (int q = 0; q < count; q++) index.search(queries[q], RADIUS, (id, distance) -> hits[0]++);
        return (System.nanoTime() - start) / 1e3 / count;
    }

    /** Hits as (id, distance) packed into one long, so that sets compare both. */
    private static Set<Long> hits(HammingIndex index, Code256 query) {
        Set<Long> hits = new HashSet<>();
        index.search(query, RADIUS, (id, distance) -> hits.add(id << 8 | distance));
        return hits;
    }

    private static Code256[] toCodes(long[] words) {
        Code256[] codes = new Code256[words.length / 4];
        for (int i = 0; i < codes.length; i++) codes[i] = Code256.fromWords(words, 4 * i);
        return codes;
    }
}
