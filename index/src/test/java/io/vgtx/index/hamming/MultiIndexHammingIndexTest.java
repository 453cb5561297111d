package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgtx.index.hamming.MultiIndexHammingIndex.Tuning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests: the multi-index answers exactly what the brute-force scan answers (recall and
 * precision 1.0), on uniform and clustered codes, for random queries and queries near stored codes,
 * in bulk-loaded and incrementally changed indexes of every shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60) // a broken index must fail here, not hang the build
class MultiIndexHammingIndexTest {
    private static final int N = 20_000;
    private static final int QUERIES = 160;
    /** Maintenance after every few writes, so that the tests go through many merge rounds. */
    private static final Tuning EAGER = Tuning.withGroupSize(12, 4, 8, 8);
    /** As {@link #EAGER}, in the small-index shape: 16 tables of 5-byte entries. */
    private static final Tuning EAGER_SMALL = Tuning.withGroupSize(16, 5, 4, 8, 8);

    private final Fixture uniform = Fixture.of(TestCodes.uniform(N, TestCodes.random(1)), TestCodes.random(2));
    private final Fixture clustered = Fixture.of(TestCodes.clustered(N, 200, 40, TestCodes.random(3)), TestCodes.random(4));

    /** Both indexes over the same codes, and queries: half random, half a stored code with 0..40 flips. */
    private record Fixture(MultiIndexHammingIndex index, BruteForceHammingIndex brute, List<Code256> queries) {
        static Fixture of(List<Code256> codes, RandomGenerator random) {
            long[] ids = TestCodes.ids(codes.size());
            long[] words = TestCodes.words(codes);
            return new Fixture(MultiIndexHammingIndex.bulkLoad(ids, words), BruteForceHammingIndex.bulkLoad(ids, words),
                    TestCodes.queries(codes, QUERIES, 40, random));
        }

        void assertSameAsBruteForce(int radius) {
            for (Code256 query : queries) {
                assertThat(index.search(query, radius)).as("query %s radius %d", query, radius)
                        .isEqualTo(brute.search(query, radius));
            }
        }
    }

    @BeforeAll
    void fixturesFindSomething() {
        int uniformHits = uniform.queries.stream().mapToInt(q -> uniform.brute.search(q).size()).sum();
        int clusteredHits = clustered.queries.stream().mapToInt(q -> clustered.brute.search(q).size()).sum();
        assertThat(uniformHits).as("near queries must hit").isGreaterThan(QUERIES / 4);
        assertThat(clusteredHits).as("clustered queries hit many").isGreaterThan(2 * QUERIES);
    }

    static IntStream radii() {
        return IntStream.rangeClosed(0, HammingIndex.MAX_RADIUS);
    }

    @ParameterizedTest(name = "radius {0}")
    @MethodSource("radii")
    void uniformCodesSearchEqualsBruteForce(int radius) {
        uniform.assertSameAsBruteForce(radius);
    }

    @ParameterizedTest(name = "radius {0}")
    @MethodSource("radii")
    void clusteredCodesSearchEqualsBruteForce(int radius) {
        clustered.assertSameAsBruteForce(radius);
    }

    static Stream<Tuning> shapes() {
        return Stream.of(Tuning.withGroupSize(8, 1, 256, 8192), Tuning.withGroupSize(11, 1, 256, 8192),
                Tuning.withGroupSize(12, 64, 256, 8192), Tuning.withGroupSize(16, 4, 256, 8192),
                Tuning.withGroupSize(32, 2, 256, 8192), Tuning.withGroupSize(11, 100_000, 256, 8192),
                Tuning.withGroupSize(16, 5, 1, 256, 8192), Tuning.withGroupSize(12, 5, 64, 256, 8192),
                Tuning.withGroupSize(8, 5, 100_000, 256, 8192), Tuning.SMALL, Tuning.LARGE);
    }

    static Stream<Tuning> eagerShapes() {
        return Stream.of(EAGER, EAGER_SMALL);
    }

    /** Every table count, group width, sub-key width and entry size the tuning can produce. */
    @ParameterizedTest
    @MethodSource("shapes")
    void everyShapeSearchesExactly(Tuning tuning) {
        List<Code256> codes = TestCodes.clustered(5_000, 50, 40, TestCodes.random(5));
        codes.addAll(TestCodes.uniform(5_000, TestCodes.random(6)));
        long[] ids = TestCodes.ids(codes.size());
        long[] words = TestCodes.words(codes);
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(ids, words, tuning);
        BruteForceHammingIndex brute = BruteForceHammingIndex.bulkLoad(ids, words);
        for (Code256 query : TestCodes.queries(codes, 60, 40, TestCodes.random(7))) {
            for (int radius : new int[] {0, 1, 7, 10, 11, 12, 21, 22, 23, 31}) {
                assertThat(index.search(query, radius)).isEqualTo(brute.search(query, radius));
            }
        }
    }

    /**
     * Random adds (new ids and replacements) and removals, checked against brute force along the way; with
     * the wide stride, ids leave the int range and the index's id store widens midway.
     */
    @ParameterizedTest(name = "seed {0}, id stride {1}, {2}-byte entries")
    @CsvSource({"21, 1, 6", "22, 1, 5", "23, 4294967297, 6", "24, 4294967297, 5"})
    void interleavedAddsAndRemovesKeepSearchEqualToBruteForce(long seed, long idStride, int entryBytes) {
        RandomGenerator random = TestCodes.random(seed);
        List<Code256> centres = TestCodes.uniform(30, random);
        MultiIndexHammingIndex index = new MultiIndexHammingIndex(entryBytes == 5 ? EAGER_SMALL : EAGER);
        BruteForceHammingIndex brute = new BruteForceHammingIndex();
        List<Code256> stored = new ArrayList<>(List.of(centres.getFirst()));
        for (int op = 0; op < 6_000; op++) {
            long id = random.nextInt(2_500) * idStride;
            if (random.nextInt(3) == 0) {
                assertThat(index.remove(id)).isEqualTo(brute.remove(id));
            } else {
                Code256 code = TestCodes.flip(centres.get(random.nextInt(centres.size())), random.nextInt(41), random);
                index.add(id, code);
                brute.add(id, code);
                stored.add(code);
            }
            if (op % 25 == 0) {
                Code256 query = TestCodes.flip(stored.get(random.nextInt(stored.size())), random.nextInt(41), random);
                int radius = random.nextInt(HammingIndex.MAX_RADIUS + 1);
                assertThat(index.search(query, radius)).as("op %d", op).isEqualTo(brute.search(query, radius));
                assertThat(index.size()).isEqualTo(brute.size());
            }
        }
        for (Code256 query : TestCodes.queries(stored, 100, 40, random)) {
            assertThat(index.search(query)).isEqualTo(brute.search(query));
        }
    }

    /**
     * A budget that asks for more groups than a 16-bit substring has: the tables stay at 2^16 groups instead of
     * being rebuilt on every write (they were, once).
     */
    @Test
    void tablesAtTheirMostGroupsAreNotRebuiltOnEveryWrite() {
        RandomGenerator random = TestCodes.random(33);
        List<Code256> codes = TestCodes.uniform(20_000, random);
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(TestCodes.ids(codes.size()),
                TestCodes.words(codes), new Tuning(16, 5, 1_000, 64, 64));
        int builtByLoad = index.tableBuilds.get();
        for (int i = 0; i < 2_000; i++) index.add(100_000 + i, TestCodes.uniform(random));
        assertThat(builtByLoad).isEqualTo(16);
        assertThat(index.tableBuilds.get()).isEqualTo(builtByLoad);
    }

    /** From empty to past several group-width changes and back down, one entry at a time. */
    @Test
    void growingAndShrinkingThroughGroupWidthChangesStaysExact() {
        RandomGenerator random = TestCodes.random(31);
        List<Code256> codes = TestCodes.clustered(12_000, 40, 30, random);
        MultiIndexHammingIndex index = new MultiIndexHammingIndex(Tuning.withGroupSize(11, 2, 16, 64));
        BruteForceHammingIndex brute = new BruteForceHammingIndex();
        List<Code256> queries = TestCodes.queries(codes, 20, 35, random);
        for (int i = 0; i < codes.size(); i++) {
            index.add(i, codes.get(i));
            brute.add(i, codes.get(i));
            if (Integer.bitCount(i) == 1) assertSameResults(index, brute, queries);
        }
        for (int i = 0; i < codes.size(); i++) {
            index.remove(i);
            brute.remove(i);
            if (Integer.bitCount(i) == 1) assertSameResults(index, brute, queries);
        }
        assertThat(index.size()).isZero();
        assertSameResults(index, brute, queries);
    }

    @ParameterizedTest
    @MethodSource("eagerShapes")
    void removedIdsNeverComeBack(Tuning tuning) {
        RandomGenerator random = TestCodes.random(41);
        List<Code256> codes = TestCodes.clustered(3_000, 10, 20, random);
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(TestCodes.ids(codes.size()), TestCodes.words(codes), tuning);
        Set<Long> removed = new HashSet<>();
        for (long id = 0; id < codes.size(); id += 2) {
            assertThat(index.remove(id)).isTrue();
            assertThat(index.remove(id)).isFalse();
            removed.add(id);
        }
        // Churn: new ids reuse the freed slots, so stale table entries would show up as wrong ids or codes.
        for (int i = 0; i < 2_000; i++) index.add(100_000 + i, TestCodes.flip(codes.get(i), 3, random));
        for (Code256 code : codes) {
            assertThat(index.search(code)).filteredOn(hit -> removed.contains(hit.id())).isEmpty();
        }
        for (long id : removed) assertThat(index.contains(id)).isFalse();
        assertThat(index.size()).isEqualTo(codes.size() / 2 + 2_000);
    }

    /**
     * An entry removed before the tables caught up, its slot then reused for the same code: a stale
     * table entry for the old occupant would report the new one twice.
     */
    @ParameterizedTest
    @MethodSource("eagerShapes")
    void reusedSlotsAreReportedOnce(Tuning tuning) {
        RandomGenerator random = TestCodes.random(45);
        Code256 code = TestCodes.uniform(random);
        MultiIndexHammingIndex index = new MultiIndexHammingIndex(tuning);
        for (int cycle = 0; cycle < 200; cycle++) {
            index.add(1_000 + cycle, code);
            if (random.nextBoolean()) index.remove(1_000 + cycle);
            for (int i = 0; i < random.nextInt(12); i++) index.add(10_000 + random.nextInt(500), TestCodes.uniform(random));
            if (random.nextInt(3) == 0) index.remove(10_000 + random.nextInt(500));
            List<Hit> hits = index.search(code, 0);
            assertThat(hits).extracting(Hit::id).doesNotHaveDuplicates();
            assertThat(hits).allMatch(hit -> index.contains(hit.id()));
        }
    }

    @Test
    void duplicateCodesWithDifferentIdsAreAllReturned() {
        Code256 code = TestCodes.uniform(TestCodes.random(51));
        MultiIndexHammingIndex index = new MultiIndexHammingIndex(EAGER);
        for (long id = 0; id < 100; id++) index.add(id, code);
        index.add(1_000, TestCodes.flip(code, 31, TestCodes.random(52)));
        index.add(1_001, TestCodes.flip(code, 32, TestCodes.random(53)));

        List<Hit> hits = index.search(code);

        assertThat(hits).hasSize(101);
        assertThat(hits.subList(0, 100)).extracting(Hit::id).containsExactlyElementsOf(LongStream.range(0, 100).boxed().toList());
        assertThat(hits.getLast()).isEqualTo(new Hit(1_000, 31));
    }

    /** Thousands of entries in one group: more than a search handles in one batch. */
    @ParameterizedTest(name = "{0} copies")
    @ValueSource(ints = {511, 512, 513, 3_000})
    void manyCopiesOfOneCodeAreAllFound(int copies) {
        RandomGenerator random = TestCodes.random(56);
        Code256 code = TestCodes.uniform(random);
        List<Code256> codes = new ArrayList<>(TestCodes.uniform(2_000, random));
        for (int i = 0; i < copies; i++) codes.add(i % 3 == 0 ? code : TestCodes.flip(code, 1 + i % 20, random));
        long[] ids = TestCodes.ids(codes.size());
        long[] words = TestCodes.words(codes);
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(ids, words);
        BruteForceHammingIndex brute = BruteForceHammingIndex.bulkLoad(ids, words);

        for (int radius : new int[] {0, 5, 19, 31}) {
            assertThat(index.search(code, radius)).isEqualTo(brute.search(code, radius));
        }
    }

    @Test
    void radiusZeroFindsExactDuplicatesOnly() {
        RandomGenerator random = TestCodes.random(61);
        List<Code256> codes = TestCodes.uniform(5_000, random);
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(TestCodes.ids(codes.size()), TestCodes.words(codes));
        Code256 target = codes.get(1234);
        index.add(9_999, target);
        index.add(10_000, target.flip(17));

        assertThat(index.search(target, 0)).containsExactly(new Hit(1234, 0), new Hit(9_999, 0));
        assertThat(index.search(target, 1)).containsExactly(new Hit(1234, 0), new Hit(9_999, 0), new Hit(10_000, 1));
    }

    @Test
    void addingAnExistingIdReplacesItsCode() {
        Code256 before = TestCodes.uniform(TestCodes.random(71));
        Code256 after = TestCodes.uniform(TestCodes.random(72));
        MultiIndexHammingIndex index = new MultiIndexHammingIndex(EAGER);
        index.add(5, before);
        index.add(5, after);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(before)).isEmpty();
        assertThat(index.search(after)).containsExactly(new Hit(5, 0));
    }

    @Test
    void bulkLoadKeepsTheLastCodeOfARepeatedId() {
        Code256 first = new Code256(1, 2, 3, 4);
        Code256 last = first.flip(100).flip(200);
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(new long[] {7, 8, 7},
                TestCodes.words(List.of(first, first, last)));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.search(first)).containsExactly(new Hit(8, 0), new Hit(7, 2));
    }

    @Test
    void anEmptyIndexFindsNothing() {
        MultiIndexHammingIndex index = new MultiIndexHammingIndex();
        assertThat(index.size()).isZero();
        assertThat(index.search(new Code256(0, 0, 0, 0))).isEmpty();
        assertThat(index.remove(1)).isFalse();
    }

    @Test
    void rejectsRadiiOutsideZeroToThirtyOneAndBadInput() {
        MultiIndexHammingIndex index = new MultiIndexHammingIndex();
        Code256 code = new Code256(0, 0, 0, 0);
        assertThatThrownBy(() -> index.search(code, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(code, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultiIndexHammingIndex.bulkLoad(new long[1], new long[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tuning.withGroupSize(7, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tuning.withGroupSize(16, 4, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tuning.withGroupSize(16, 7, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void memoryStaysWithinBudgetPerEntry() {
        assertThat((double) uniform.index.memoryBytes() / uniform.index.size()).isLessThan(128);
    }

    /**
     * Sizes on both sides of where a table doubles its groups (offsets at their budget just above: SMALL at
     * n = 2^k · 64 / 4.4, LARGE at 2^k · 48 / 10.5) and the id map grows: the worst cases of the budget.
     */
    @ParameterizedTest(name = "{0} at {1} entries")
    @CsvSource({"SMALL, 16384", "SMALL, 65536", "SMALL, 119156", "SMALL, 119157", "SMALL, 174763", "SMALL, 238313",
            "SMALL, 262144", "SMALL, 476626", "SMALL, 953251", "SMALL, 1000000",
            "LARGE, 65536", "LARGE, 74898", "LARGE, 100000", "LARGE, 149797", "LARGE, 299593", "LARGE, 599186"})
    void memoryStaysWithinBudgetPerEntryAtEverySize(String shape, int n) {
        Tuning tuning = shape.equals("SMALL") ? Tuning.SMALL : Tuning.LARGE;
        RandomGenerator random = TestCodes.random(n);
        long[] words = new long[4 * n];
        for (int i = 0; i < words.length; i++) words[i] = random.nextLong();
        MultiIndexHammingIndex index = MultiIndexHammingIndex.bulkLoad(TestCodes.ids(n), words, tuning);
        assertThat(bytesPerEntry(index)).as("bulk loaded").isLessThanOrEqualTo(128);
        index.add(n, Code256.fromWords(words, 0)); // the first add grows every array
        assertThat(bytesPerEntry(index)).as("after one add").isLessThanOrEqualTo(128);
        for (int id = 1; id < n / 3; id++) index.add(n + id, Code256.fromWords(words, 4 * id));
        assertThat(bytesPerEntry(index)).as("after growing by a third").isLessThanOrEqualTo(128);
    }

    private static double bytesPerEntry(HammingIndex index) {
        return (double) index.memoryBytes() / index.size();
    }

    private static void assertSameResults(HammingIndex index, HammingIndex brute, List<Code256> queries) {
        for (Code256 query : queries) {
            assertThat(index.search(query)).isEqualTo(brute.search(query));
            assertThat(index.search(query, 9)).isEqualTo(brute.search(query, 9));
        }
    }
}
