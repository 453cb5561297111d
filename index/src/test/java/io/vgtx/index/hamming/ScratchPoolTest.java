package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ScratchPoolTest {

    @Test
    void aGivenScratchIsTakenAgainInsteadOfMakingANewOne() {
        AtomicInteger made = new AtomicInteger();
        ScratchPool<int[]> pool = new ScratchPool<>(() -> new int[made.incrementAndGet()]);
        int[] first = pool.take();
        pool.give(first);
        assertThat(pool.take()).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void takersAtTheSameTimeGetDistinctScratch() {
        ScratchPool<Object> pool = new ScratchPool<>(Object::new);
        List<Object> held = new ArrayList<>();
        for (int i = 0; i < 100; i++) held.add(pool.take());
        Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(held);
        assertThat(distinct).hasSize(100);
        held.forEach(pool::give); // more than it parks: the rest are dropped, not an error
    }

    @Test
    @Timeout(60)
    void concurrentUsersNeverShareAScratch() throws Exception {
        ScratchPool<AtomicInteger> pool = new ScratchPool<>(AtomicInteger::new);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> users = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                users.add(threads.submit(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        AtomicInteger scratch = pool.take();
                        assertThat(scratch.incrementAndGet()).as("used by one search at a time").isEqualTo(1);
                        scratch.decrementAndGet();
                        pool.give(scratch);
                    }
                    return null;
                }));
            }
            for (Future<?> user : users) user.get();
        }
    }
}
