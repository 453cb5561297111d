package io.vgtx.index.hamming;

/** Bit sets over slots, as plain {@code long[]}: one bit per slot, 64 per word. */
final class Bits {
    private Bits() {}

    static long[] forSlots(int slots) {
        return new long[(slots + 63) >>> 6];
    }

    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    static void clear(long[] bits, int i) {
        bits[i >>> 6] &= ~(1L << i);
    }
}
