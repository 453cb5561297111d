package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgtx.index.hamming.MultiIndexHammingIndex.Tuning;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Searches running while a writer adds and removes: each sees a consistent index. */
@Timeout(60) // a broken index must fail here, not hang the build
class ConcurrencyTest {

    @Test
    void searchesDuringWritesAlwaysFindTheStableEntriesOnce() throws Exception {
        RandomGenerator random = TestCodes.random(81);
        List<Code256> stable = TestCodes.uniform(500, random);
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(TestCodes.ids(stable.size()),
                TestCodes.words(stable), Tuning.withGroupSize(11, 4, 16, 16));
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<Integer>> readers = StableReaders.start(pool, 2, index, stable, writing);
            // Writer: churn near-duplicates of the stable codes under ids that never collide with theirs.
            for (int op = 0; op < 20_000; op++) {
                long id = 1_000_000 + random.nextInt(2_000);
                if (random.nextBoolean()) index.add(id, TestCodes.flip(stable.get(random.nextInt(stable.size())), 5, random));
                else index.remove(id);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) assertThat(reader.get()).isPositive();
        }
    }
}
