package io.vgtx.index.hamming;

/**
 * Id → slot map for the indexes: open addressing with linear probing over an {@code int[]} of
 * {@code slot + 1} (0 = empty). The key is not stored: a cell's id is read from the caller's
 * {@link SlotIds}, which halves the memory of a long→int map. Callers pass their ids to every call and
 * keep {@code ids.get(slot)} equal to the mapped id.
 *
 * <p>The table's capacity is any size, not a power of two (a hash picks its home cell by multiplying,
 * not masking). It starts at load 0.65 and grows by ~23% at 0.8, so its load stays between 0.65 and
 * 0.8 and it costs 5.0 to 6.2 bytes per entry, rather than the 5.7 to 11.4 of a power-of-two table. Only
 * writes use it, never a search, so the longer probe runs of the higher load cost little.
 */
final class IdSlotMap {
    private static final int MIN_CAPACITY = 16;
    /** Linear probing stays short below this load. */
    private static final double MAX_LOAD = 0.8;
    /** The load a new or grown table starts at. */
    private static final double START_LOAD = 0.65;

    private int[] cells;
    private int size;

    IdSlotMap(int expected) {
        cells = new int[capacityFor(expected)];
    }

    int size() {
        return size;
    }

    long memoryBytes() {
        return 4L * cells.length;
    }

    /** The slot of {@code id}, or -1. */
    int get(long id, SlotIds ids) {
        int capacity = cells.length;
        for (int i = home(id, capacity); ; i = next(i, capacity)) {
            int cell = cells[i];
            if (cell == 0) return -1;
            if (ids.get(cell - 1) == id) return cell - 1;
        }
    }

    /** Maps {@code id} (already written to {@code ids.get(slot)}) to {@code slot}; returns the previous slot or -1. */
    int put(long id, int slot, SlotIds ids) {
        int capacity = cells.length;
        for (int i = home(id, capacity); ; i = next(i, capacity)) {
            int cell = cells[i];
            if (cell == 0) {
                cells[i] = slot + 1;
                if (++size > MAX_LOAD * cells.length) resize(ids);
                return -1;
            }
            if (ids.get(cell - 1) == id) {
                cells[i] = slot + 1;
                return cell - 1;
            }
        }
    }

    /** Unmaps {@code id}; returns its slot or -1. */
    int remove(long id, SlotIds ids) {
        int capacity = cells.length;
        int i = home(id, capacity);
        while (cells[i] != 0 && ids.get(cells[i] - 1) != id) i = next(i, capacity);
        if (cells[i] == 0) return -1;
        int slot = cells[i] - 1;
        closeGap(i, capacity, ids);
        size--;
        return slot;
    }

    /** Backward-shift deletion: pulls later cells of the probe run into the gap so lookups never stop early. */
    private void closeGap(int gap, int capacity, SlotIds ids) {
        for (int j = next(gap, capacity); cells[j] != 0; j = next(j, capacity)) {
            int want = home(ids.get(cells[j] - 1), capacity);
            // The cell at j may move to the gap only if its home is not cyclically within (gap, j].
            boolean homeAfterGap = gap <= j ? (want > gap && want <= j) : (want > gap || want <= j);
            if (!homeAfterGap) {
                cells[gap] = cells[j];
                gap = j;
            }
        }
        cells[gap] = 0;
    }

    private void resize(SlotIds ids) {
        int[] old = cells;
        int capacity = capacityFor(size);
        cells = new int[capacity];
        for (int cell : old) {
            if (cell == 0) continue;
            int i = home(ids.get(cell - 1), capacity);
            while (cells[i] != 0) i = next(i, capacity);
            cells[i] = cell;
        }
    }

    private static int capacityFor(int expected) {
        return (int) Math.max(MIN_CAPACITY, (long) Math.ceil(expected / START_LOAD) + 1);
    }

    private static int next(int i, int capacity) {
        return i + 1 == capacity ? 0 : i + 1;
    }

    /**
     * Ids are caller-assigned and often sequential: mix them (Stafford variant 13), then map the high 32
     * bits onto [0, capacity) by multiplying (Lemire's reduction), which needs no power-of-two capacity.
     */
    private static int home(long id, int capacity) {
        long h = id;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return (int) (((h >>> 32) * capacity) >>> 32);
    }
}
