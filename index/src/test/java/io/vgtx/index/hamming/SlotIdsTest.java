package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotIdsTest {

    @Test
    void idsThatFitInAnIntCostFourBytesEach() {
        SlotIds ids = new SlotIds(100);
        ids.set(0, Integer.MAX_VALUE);
        ids.set(1, Integer.MIN_VALUE);
        ids.set(2, -1);
        assertThat(ids.memoryBytes()).isEqualTo(400);
        assertThat(ids.get(0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ids.get(1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(ids.get(2)).isEqualTo(-1);
    }

    @Test
    void theFirstIdBeyondTheIntRangeWidensTheStoreAndKeepsEveryId() {
        SlotIds ids = new SlotIds(4);
        ids.set(0, 7);
        ids.set(1, -7);
        ids.set(2, 1L << 40);
        ids.grow(6);
        ids.set(5, Long.MIN_VALUE);
        assertThat(ids.memoryBytes()).isEqualTo(48);
        assertThat(ids.capacity()).isEqualTo(6);
        assertThat(new long[] {ids.get(0), ids.get(1), ids.get(2), ids.get(5)})
                .containsExactly(7, -7, 1L << 40, Long.MIN_VALUE);
    }
}
