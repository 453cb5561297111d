package io.vgtx.bench.index;

import io.vgtx.index.hamming.BruteForceHammingIndex;
import io.vgtx.index.hamming.Code256;
import io.vgtx.index.hamming.HammingIndex;
import io.vgtx.index.hamming.HitSink;
import io.vgtx.index.hamming.MultiIndexHammingIndex;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One radius-31 search per invocation, cycling through queries that are half random and half near a
 * stored code ({@link HammingData#queries}). Run: {@code java -jar bench/target/benchmarks.jar HammingSearch}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class HammingSearchBenchmark {
    private static final int QUERIES = 4096;

    @Param({"1000000"})
    int size;

    @Param({"false", "true"})
    boolean clustered;

    private MultiIndexHammingIndex multiIndex;
    private BruteForceHammingIndex bruteForce;
    private Code256[] queries;
    private int next;
    private final HitCounter counter = new HitCounter();

    /** Counts hits, so that the work cannot be optimised away. */
    private static final class HitCounter implements HitSink {
        long hits;

        @Override
        public void hit(long id, int distance) {
            hits += id + distance;
        }
    }

    @Setup
    public void setUp() {
        RandomGenerator random = HammingData.random(42);
        long[] codes = clustered ? HammingData.clustered(size, random) : HammingData.uniform(size, random);
        long[] ids = HammingData.ids(size);
        long[] words = HammingData.queries(codes, QUERIES, random);
        queries = new Code256[QUERIES];
        for (int i = 0; i < QUERIES; i++) queries[i] = Code256.fromWords(words, 4 * i);
        multiIndex = MultiIndexHammingIndex.bulkLoad(ids, codes);
        bruteForce = BruteForceHammingIndex.bulkLoad(ids, codes);
    }

    @Benchmark
    public long multiIndexSearch() {
        return search(multiIndex);
    }

    @Benchmark
    public long bruteForceSearch() {
        return search(bruteForce);
    }

    private long search(HammingIndex index) {
        index.search(queries[next++ & (QUERIES - 1)], HammingIndex.DEFAULT_RADIUS, counter);
        return counter.hits;
    }
}
