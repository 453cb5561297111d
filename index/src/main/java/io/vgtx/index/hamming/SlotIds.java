package io.vgtx.index.hamming;

import java.util.Arrays;

/**
 * The caller's id of each slot. Ids are held in an {@code int[]} for as long as every id stored fits in
 * an int (the ids callers use are database row ids, which do for billions of rows), and widen to a
 * {@code long[]} the first time one does not: half the memory of a {@code long[]} in the usual case,
 * four bytes of the 128 an entry may cost.
 */
final class SlotIds {
    private int[] narrow;
    private long[] wide;

    SlotIds(int capacity) {
        narrow = new int[capacity];
    }

    long get(int slot) {
        return narrow != null ? narrow[slot] : wide[slot];
    }

    void set(int slot, long id) {
        if (narrow != null) {
            if (id == (int) id) {
                narrow[slot] = (int) id;
                return;
            }
            widen();
        }
        wide[slot] = id;
    }

    int capacity() {
        return narrow != null ? narrow.length : wide.length;
    }

    void grow(int capacity) {
        if (narrow != null) narrow = Arrays.copyOf(narrow, capacity);
        else wide = Arrays.copyOf(wide, capacity);
    }

    long memoryBytes() {
        return narrow != null ? 4L * narrow.length : 8L * wide.length;
    }

    private void widen() {
        wide = new long[narrow.length];
        for (int i = 0; i < narrow.length; i++) wide[i] = narrow[i];
        narrow = null;
    }
}
