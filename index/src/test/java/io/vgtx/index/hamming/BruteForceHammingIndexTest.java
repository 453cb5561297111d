package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The reference itself checked against the definition: a map of codes filtered by distance. */
class BruteForceHammingIndexTest {

    @Test
    void matchesTheDefinitionUnderRandomAddsReplacementsAndRemovals() {
        RandomGenerator random = TestCodes.random(11);
        BruteForceHammingIndex index = new BruteForceHammingIndex();
        Map<Long, Code256> entries = new LinkedHashMap<>();
        List<Code256> centres = TestCodes.uniform(20, random);
        for (int op = 0; op < 5_000; op++) {
            long id = random.nextInt(1_000);
            if (random.nextInt(4) == 0) {
                assertThat(index.remove(id)).isEqualTo(entries.remove(id) != null);
            } else {
                Code256 code = TestCodes.flip(centres.get(random.nextInt(centres.size())), random.nextInt(40), random);
                index.add(id, code);
                entries.put(id, code);
            }
            if (op % 50 == 0) {
                Code256 query = TestCodes.flip(centres.get(random.nextInt(centres.size())), random.nextInt(20), random);
                int radius = random.nextInt(HammingIndex.MAX_RADIUS + 1);
                assertThat(index.search(query, radius)).isEqualTo(definition(entries, query, radius));
                assertThat(index.size()).isEqualTo(entries.size());
            }
        }
        for (long id = 0; id < 1_000; id++) assertThat(index.contains(id)).isEqualTo(entries.containsKey(id));
    }

    @Test
    void bulkLoadKeepsTheLastCodeOfARepeatedId() {
        Code256 first = new Code256(1, 0, 0, 0);
        Code256 last = new Code256(2, 0, 0, 0);
        BruteForceHammingIndex index = BruteForceHammingIndex.bulkLoad(new long[] {7, 7},
                TestCodes.words(List.of(first, last)));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(last, 0)).containsExactly(new Hit(7, 0));
        assertThat(index.search(first, 0)).isEmpty();
    }

    @Test
    void rejectsMismatchedBulkArraysAndRadiiOutsideZeroToThirtyOne() {
        assertThatThrownBy(() -> BruteForceHammingIndex.bulkLoad(new long[2], new long[4]))
                .isInstanceOf(IllegalArgumentException.class);
        BruteForceHammingIndex index = new BruteForceHammingIndex();
        Code256 code = new Code256(0, 0, 0, 0);
        assertThatThrownBy(() -> index.search(code, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(code, 32)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Hit> definition(Map<Long, Code256> entries, Code256 query, int radius) {
        return entries.entrySet().stream()
                .map(e -> new Hit(e.getKey(), e.getValue().distance(query)))
                .filter(hit -> hit.distance() <= radius)
                .sorted(Comparator.comparing(hit -> hit, Hit.NEAREST_FIRST))
                .toList();
    }
}
