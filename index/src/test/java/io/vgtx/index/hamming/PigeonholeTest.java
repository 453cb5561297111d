package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PigeonholeTest {

    @ParameterizedTest(name = "{0} substrings")
    @ValueSource(ints = {8, 11, 12, 16, 32})
    void thresholdsPlusOneSumToRadiusPlusOneAndDifferByAtMostOne(int substrings) {
        for (int radius = 0; radius <= HammingIndex.MAX_RADIUS; radius++) {
            int[] t = Pigeonhole.thresholds(radius, substrings);
            assertThat(IntStream.of(t).map(x -> x + 1).sum()).isEqualTo(radius + 1);
            assertThat(IntStream.of(t).max().orElseThrow() - IntStream.of(t).min().orElseThrow()).isLessThanOrEqualTo(1);
            assertThat(IntStream.of(t).min().orElseThrow()).isGreaterThanOrEqualTo(-1);
        }
    }

    /**
     * The pair lemma, checked exhaustively: the smallest total distance at which no substring i has
     * d_i <= a_i and d_i + d_{i+1} <= b_i (a dynamic programme over the cycle of substrings) exceeds the
     * radius, for every radius and every table count in use.
     */
    @ParameterizedTest(name = "{0} substrings")
    @ValueSource(ints = {8, 11, 12, 13, 16, 32})
    void everyCodeWithinTheRadiusPassesSomeSubstringAndItsPair(int substrings) {
        int widest = (Code256.BITS + substrings - 1) / substrings;
        for (int radius = 0; radius <= HammingIndex.MAX_RADIUS; radius++) {
            int[] a = Pigeonhole.thresholds(radius, substrings);
            int[] b = Pigeonhole.pairBounds(a);
            assertThat(smallestMissedTotal(a, b, widest)).as("radius %d", radius).isGreaterThan(radius);
        }
    }

    @ParameterizedTest(name = "{0} substrings")
    @ValueSource(ints = {8, 11, 12})
    void pairBoundsAreTheNeighbouringThresholdsPlusOne(int substrings) {
        int[] a = Pigeonhole.thresholds(31, substrings);
        int[] b = Pigeonhole.pairBounds(a);
        for (int i = 0; i < substrings; i++) assertThat(b[i]).isEqualTo(a[i] + a[(i + 1) % substrings] + 1);
    }

    /** Minimum of Σ d_i over d_i in 0..width such that no i has d_i <= a_i and d_i + d_{i+1} <= b_i. */
    private static int smallestMissedTotal(int[] a, int[] b, int width) {
        int m = a.length;
        int best = Integer.MAX_VALUE;
        for (int first = 0; first <= width; first++) {
            // cost[d] = least Σ so far with the current substring at distance d
            int[] cost = new int[width + 1];
            java.util.Arrays.fill(cost, Integer.MAX_VALUE);
            cost[first] = first;
            for (int i = 1; i < m; i++) {
                int[] next = new int[width + 1];
                java.util.Arrays.fill(next, Integer.MAX_VALUE);
                for (int prev = 0; prev <= width; prev++) {
                    if (cost[prev] == Integer.MAX_VALUE) continue;
                    for (int d = 0; d <= width; d++) {
                        if (!passes(a[i - 1], b[i - 1], prev, d)) next[d] = Math.min(next[d], cost[prev] + d);
                    }
                }
                cost = next;
            }
            for (int last = 0; last <= width; last++) {
                if (cost[last] != Integer.MAX_VALUE && !passes(a[m - 1], b[m - 1], last, first)) {
                    best = Math.min(best, cost[last]);
                }
            }
        }
        return best;
    }

    private static boolean passes(int a, int b, int d, int next) {
        return a >= 0 && d <= a && d + next <= b;
    }

    @ParameterizedTest(name = "{0} bits, threshold {1}")
    @CsvSource({"1,0", "1,1", "4,2", "8,0", "8,1", "8,2", "8,3", "10,2", "12,3", "16,1"})
    void probesAreExactlyTheKeysWithinTheThresholdEachOnce(int bits, int threshold) {
        int expected = Pigeonhole.probeCount(bits, threshold);
        int[] keys = new int[expected];
        int[] budgets = new int[expected];
        int key = 0b1011_0110_1001 & ((1 << bits) - 1);

        int n = Pigeonhole.probes(key, bits, threshold, keys, budgets);

        assertThat(n).isEqualTo(expected);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int flips = Integer.bitCount(keys[i] ^ key);
            assertThat(keys[i] >>> bits).isZero();
            assertThat(flips).isLessThanOrEqualTo(threshold);
            assertThat(budgets[i]).isEqualTo(threshold - flips);
            assertThat(seen.add(keys[i])).isTrue();
        }
        long within = IntStream.range(0, 1 << bits).filter(k -> Integer.bitCount(k ^ key) <= threshold).count();
        assertThat(seen).hasSize((int) within);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -2})
    void aNegativeThresholdProbesNothing(int threshold) {
        assertThat(Pigeonhole.probes(5, 8, threshold, new int[1], new int[1])).isZero();
    }
}
