package io.vgtx.index.hamming;

/**
 * Id → slot map for the indexes: open addressing with linear probing over an {@code int[]} of
 * {@code slot + 1} (0 = empty). The key is not stored: a cell's id is read from the caller's
 * {@code ids[slot]}, which halves the memory of a long→int map. Callers pass their current ids array
 * to every call and keep {@code ids[slot]} equal to the mapped id.
 */
final class IdSlotMap {
    private static final int MIN_CAPACITY = 16;
    /** Linear probing stays short below this load. */
    private static final double MAX_LOAD = 0.7;

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
    int get(long id, long[] ids) {
        int mask = cells.length - 1;
        for (int i = home(id, mask); ; i = (i + 1) & mask) {
            int cell = cells[i];
            if (cell == 0) return -1;
            if (ids[cell - 1] == id) return cell - 1;
        }
    }

    /** Maps {@code id} (already written to {@code ids[slot]}) to {@code slot}; returns the previous slot or -1. */
    int put(long id, int slot, long[] ids) {
        int mask = cells.length - 1;
        for (int i = home(id, mask); ; i = (i + 1) & mask) {
            int cell = cells[i];
            if (cell == 0) {
                cells[i] = slot + 1;
                if (++size > MAX_LOAD * cells.length) resize(ids);
                return -1;
            }
            if (ids[cell - 1] == id) {
                cells[i] = slot + 1;
                return cell - 1;
            }
        }
    }

    /** Unmaps {@code id}; returns its slot or -1. */
    int remove(long id, long[] ids) {
        int mask = cells.length - 1;
        int i = home(id, mask);
        while (cells[i] != 0 && ids[cells[i] - 1] != id) i = (i + 1) & mask;
        if (cells[i] == 0) return -1;
        int slot = cells[i] - 1;
        closeGap(i, mask, ids);
        size--;
        return slot;
    }

    /** Backward-shift deletion: pulls later cells of the probe run into the gap so lookups never stop early. */
    private void closeGap(int gap, int mask, long[] ids) {
        for (int j = (gap + 1) & mask; cells[j] != 0; j = (j + 1) & mask) {
            int want = home(ids[cells[j] - 1], mask);
            // The cell at j may move to the gap only if its home is not cyclically within (gap, j].
            boolean homeAfterGap = gap <= j ? (want > gap && want <= j) : (want > gap || want <= j);
            if (!homeAfterGap) {
                cells[gap] = cells[j];
                gap = j;
            }
        }
        cells[gap] = 0;
    }

    private void resize(long[] ids) {
        int[] old = cells;
        cells = new int[old.length * 2];
        int mask = cells.length - 1;
        for (int cell : old) {
            if (cell == 0) continue;
            int i = home(ids[cell - 1], mask);
            while (cells[i] != 0) i = (i + 1) & mask;
            cells[i] = cell;
        }
    }


    private static int capacityFor(int expected) {
        long needed = (long) Math.ceil(expected / MAX_LOAD) + 1;
        return (int) Math.max(MIN_CAPACITY, Long.highestOneBit(needed - 1) << 1);
    }

    /** Ids are caller-assigned and often sequential: mix them (Stafford variant 13) before masking. */
    private static int home(long id, int mask) {
        long h = id;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return (int) (h ^ (h >>> 31)) & mask;
    }
}
