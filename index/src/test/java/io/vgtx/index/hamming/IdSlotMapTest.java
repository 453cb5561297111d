package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdSlotMapTest {

    /** Random puts, replacements and removals over a small id range (long probe runs, many deletions). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void behavesLikeAHashMapUnderRandomOperations(long seed) {
        behavesLikeAHashMap(seed, 0x10000L); // sequential-ish ids with a stride, as callers assign them
    }

    /** Ids past the int range: the id store widens midway and the map goes on working. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void behavesLikeAHashMapWithIdsBeyondTheIntRange(long seed) {
        behavesLikeAHashMap(seed, 0x1_0000_0001L);
    }

    private static void behavesLikeAHashMap(long seed, long stride) {
        RandomGenerator random = TestCodes.random(seed);
        IdSlotMap map = new IdSlotMap(0);
        Map<Long, Integer> reference = new HashMap<>();
        SlotIds ids = new SlotIds(20_000);
        int nextSlot = 0;
        for (int op = 0; op < 20_000; op++) {
            long id = random.nextInt(3_000) * stride;
            if (random.nextInt(3) == 0) {
                Integer expected = reference.remove(id);
                assertThat(map.remove(id, ids)).isEqualTo(expected == null ? -1 : expected);
            } else {
                int slot = nextSlot++;
                ids.set(slot, id);
                Integer previous = reference.put(id, slot);
                assertThat(map.put(id, slot, ids)).isEqualTo(previous == null ? -1 : previous);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (long id = 0; id < 3_000 * stride; id += stride) {
            assertThat(map.get(id, ids)).isEqualTo(reference.getOrDefault(id, -1));
        }
    }
}
