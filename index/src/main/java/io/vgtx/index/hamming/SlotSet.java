package io.vgtx.index.hamming;

/**
 * The slots one search has already verified, so that an entry kept by several tables costs one code
 * fetch and one report. Open addressing over {@code slot + 1} (0 = empty), Fibonacci-hashed; small
 * enough to stay in cache.
 */
final class SlotSet {
    private static final int INITIAL = 64;
    /** Clearing costs its size on every search, so a set grown past this is replaced instead. */
    private static final int RESET_ABOVE = 4096;
    private int[] cells = new int[INITIAL];
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

    /** Empties the set for the next search; a set grown large by one odd query goes back to its small size. */
    void clear() {
        if (cells.length > RESET_ABOVE) {
            cells = new int[INITIAL];
            shift = 32 - Integer.numberOfTrailingZeros(INITIAL);
        } else if (size > 0) {
            java.util.Arrays.fill(cells, 0);
        }
        size = 0;
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
