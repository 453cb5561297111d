package io.vgtx.index.hamming;

/**
 * The slots one search has already verified, so that an entry kept by several tables costs one code
 * fetch and one report. Open addressing over {@code slot + 1} (0 = empty), Fibonacci-hashed; small
 * enough to stay in cache.
 */
final class SlotSet {
    private int[] cells = new int[64];
    /** 32 - log2(cells.length): the top bits of the multiplied slot pick the cell. */
    private int shift = 26;
    private int size;

    /** Adds the slot; returns false if it was already there. */
    boolean add(int slot) {
        if (2 * (size + 1) > cells.length) grow();
        int mask = cells.length - 1;
        for (int i = home(slot); ; i = (i + 1) & mask) {
            if (cells[i] == slot + 1) return false;
            if (cells[i] == 0) {
                cells[i] = slot + 1;
                size++;
                return true;
            }
        }
    }

    private int home(int slot) {
        return (slot * 0x9E3779B9) >>> shift;
    }

    private void grow() {
        int[] old = cells;
        cells = new int[2 * old.length];
        shift--;
        int mask = cells.length - 1;
        for (int cell : old) {
            if (cell == 0) continue;
            int i = home(cell - 1);
            while (cells[i] != 0) i = (i + 1) & mask;
            cells[i] = cell;
        }
    }
}
