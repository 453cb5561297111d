package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * Readers for concurrency tests: each searches for random stable entries (id i has code {@code stable.get(i)})
 * until the writer is done and it has made 100 searches, and checks that every search finds its entry and
 * reports each id once. A reader's future gives its number of searches, or throws what it found wrong.
 */
final class StableReaders {
    private StableReaders() {}

    static List<Future<Integer>> start(ExecutorService pool, int count, HammingIndex index, List<Code256> stable,
                                       AtomicBoolean writing) {
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            readers.add(pool.submit(() -> {
                int searches = 0;
                RandomGenerator mine = TestCodes.random(Thread.currentThread().threadId());
                while (writing.get() || searches < 100) {
                    int i = mine.nextInt(stable.size());
                    List<Hit> hits = index.search(stable.get(i));
                    assertThat(hits).contains(new Hit(i, 0));
                    Set<Long> ids = new HashSet<>();
                    for (Hit hit : hits) assertThat(ids.add(hit.id())).as("reported once").isTrue();
                    searches++;
                }
                return searches;
            }));
        }
        return readers;
    }
}
