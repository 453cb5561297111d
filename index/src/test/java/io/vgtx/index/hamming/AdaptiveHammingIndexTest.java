package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgtx.index.hamming.MultiIndexHammingIndex.Tuning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The index changes shape with its size and stays exact through every change. The boundaries here are a few
 * hundred entries (production: millions), and the two shapes small ones of the same kinds.
 */
@Timeout(60) // a broken index must fail here, not hang the build
class AdaptiveHammingIndexTest {
    private static final Tuning SMALL = Tuning.withGroupSize(16, 5, 4, 8, 8);
    private static final Tuning LARGE = Tuning.withGroupSize(12, 6, 4, 8, 8);
    private static final int GROW_ABOVE = 400;
    private static final int SHRINK_BELOW = 300;

    private static AdaptiveHammingIndex adaptive(List<Code256> codes) {
        return new AdaptiveHammingIndex(TestCodes.ids(codes.size()), TestCodes.words(codes), SMALL, LARGE,
                GROW_ABOVE, SHRINK_BELOW);
    }

    @Test
    void bulkLoadPicksTheShapeForItsSize() {
        RandomGenerator random = TestCodes.random(101);
        assertThat(adaptive(TestCodes.uniform(GROW_ABOVE, random)).tuning()).isEqualTo(SMALL);
        assertThat(adaptive(TestCodes.uniform(GROW_ABOVE + 1, random)).tuning()).isEqualTo(LARGE);
    }

    @Test
    void theProductionShapesSplitAtTheSmallLimit() {
        assertThat(Tuning.forSize(Tuning.SMALL_LIMIT)).isEqualTo(Tuning.SMALL);
        assertThat(Tuning.forSize(Tuning.SMALL_LIMIT + 1L)).isEqualTo(Tuning.LARGE);
        assertThat(AdaptiveHammingIndex.bulkLoad(new long[] {1}, new long[4]).tuning()).isEqualTo(Tuning.SMALL);
        assertThat(new AdaptiveHammingIndex().tuning()).isEqualTo(Tuning.SMALL);
    }

    /** Up past the growth boundary, down past the shrink boundary, up again: brute force agrees all the way. */
    @Test
    void growingAndShrinkingThroughBothShapesStaysExact() {
        RandomGenerator random = TestCodes.random(102);
        List<Code256> codes = TestCodes.clustered(600, 30, 30, random);
        AdaptiveHammingIndex index = adaptive(List.of());
        BruteForceHammingIndex brute = new BruteForceHammingIndex();
        List<Code256> queries = TestCodes.queries(codes, 30, 35, random);
        List<Tuning> shapes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            index.add(i, codes.get(i));
            brute.add(i, codes.get(i));
            recordShape(shapes, index);
            if (i % 37 == 0 || Math.abs(i - GROW_ABOVE) < 3) assertSameResults(index, brute, queries);
        }
        for (int i = 0; i < codes.size() - 100; i++) {
            index.remove(i);
            brute.remove(i);
            recordShape(shapes, index);
            if (i % 37 == 0 || Math.abs(index.size() - SHRINK_BELOW) < 3) assertSameResults(index, brute, queries);
        }
        for (int i = 0; i < codes.size() - 100; i++) {
            index.add(i, codes.get(i));
            brute.add(i, codes.get(i));
            recordShape(shapes, index);
        }
        assertSameResults(index, brute, queries);
        assertThat(shapes).containsExactly(SMALL, LARGE, SMALL, LARGE);
        assertThat(index.size()).isEqualTo(brute.size());
    }

    /** Between the two boundaries the shape stays as it is, whichever way the size moves. */
    @Test
    void sizesBetweenTheBoundariesDoNotRebuild() {
        RandomGenerator random = TestCodes.random(103);
        List<Code256> codes = TestCodes.uniform(GROW_ABOVE + 1, random);
        AdaptiveHammingIndex index = adaptive(codes);
        assertThat(index.tuning()).isEqualTo(LARGE);
        for (int id = 0; index.size() > SHRINK_BELOW; id++) index.remove(id);
        assertThat(index.tuning()).isEqualTo(LARGE);
        index.remove(GROW_ABOVE);
        assertThat(index.tuning()).isEqualTo(SMALL);
        for (int id = 0; index.size() <= GROW_ABOVE; id++) {
            index.add(id, codes.get(id));
            if (index.size() <= GROW_ABOVE) assertThat(index.tuning()).isEqualTo(SMALL);
        }
        assertThat(index.tuning()).isEqualTo(LARGE);
    }

    @Test
    void aRebuildKeepsReplacedCodesAndRemovedIdsAsTheyWere() {
        RandomGenerator random = TestCodes.random(104);
        List<Code256> codes = TestCodes.uniform(GROW_ABOVE, random);
        AdaptiveHammingIndex index = adaptive(codes);
        Code256 replacement = TestCodes.uniform(random);
        index.add(7, replacement);
        index.remove(8);
        index.add(GROW_ABOVE, TestCodes.uniform(random)); // the 400th entry: still small
        index.add(GROW_ABOVE + 1, TestCodes.uniform(random)); // the 401st: rebuilt large

        assertThat(index.tuning()).isEqualTo(LARGE);
        assertThat(index.size()).isEqualTo(GROW_ABOVE + 1);
        assertThat(index.search(replacement, 0)).containsExactly(new Hit(7, 0));
        assertThat(index.search(codes.get(7), 0)).isEmpty();
        assertThat(index.contains(8)).isFalse();
        assertThat(index.search(codes.get(8), 0)).isEmpty();
    }

    /** Readers keep finding the stable entries, each once, while a writer drives the index back and forth between shapes. */
    @Test
    void searchesDuringRebuildsAlwaysFindTheStableEntriesOnce() throws Exception {
        RandomGenerator random = TestCodes.random(105);
        List<Code256> stable = TestCodes.uniform(SHRINK_BELOW - 20, random);
        AdaptiveHammingIndex index = adaptive(stable);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> readers = StableReaders.start(pool, 2, index, stable, writing);
            int rebuilds = 0;
            for (int cycle = 0; cycle < 20; cycle++) {
                for (int i = 0; i < 200; i++) index.add(1_000_000 + i, TestCodes.uniform(random));
                rebuilds += index.tuning().equals(LARGE) ? 1 : 0;
                for (int i = 0; i < 200; i++) index.remove(1_000_000 + i);
                rebuilds += index.tuning().equals(SMALL) ? 1 : 0;
            }
            writing.set(false);
            for (Future<Integer> reader : readers) assertThat(reader.get()).isPositive();
            assertThat(rebuilds).isEqualTo(40);
        }
    }

    @Test
    void rejectsBoundariesTheWrongWayRound() {
        assertThatThrownBy(() -> new AdaptiveHammingIndex(new long[0], new long[0], SMALL, LARGE, 100, 200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void recordShape(List<Tuning> shapes, AdaptiveHammingIndex index) {
        if (shapes.isEmpty() || !shapes.getLast().equals(index.tuning())) shapes.add(index.tuning());
    }

    private static void assertSameResults(HammingIndex index, HammingIndex brute, List<Code256> queries) {
        for (Code256 query : queries) {
            for (int radius : new int[] {0, 9, 31}) {
                assertThat(index.search(query, radius)).as("radius %d", radius).isEqualTo(brute.search(query, radius));
            }
        }
    }
}
