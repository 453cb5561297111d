package io.vgtx.index.hamming;

/**
 * A run of up to 32 consecutive bits of a 256-bit code, [offset, offset + length), read as an int whose
 * bit 0 is the run's first bit. A run lies in one word or spans two neighbouring ones.
 */
record BitRange(int offset, int length) {
    BitRange {
        if (length < 0 || length > 32 || offset < 0 || offset + length > Code256.BITS) {
            throw new IllegalArgumentException("bit range [" + offset + ", +" + length + ") outside the code");
        }
    }

    int word() {
        return offset >> 6;
    }

    /** The bits of a code given as words. */
    int of(long w0, long w1, long w2, long w3) {
        int word = word();
        long lo = word == 0 ? w0 : word == 1 ? w1 : word == 2 ? w2 : w3;
        long hi = word == 0 ? w1 : word == 1 ? w2 : word == 2 ? w3 : 0;
        return extract(lo, hi);
    }

    /** The bits of the code stored at {@code slot} (4 words per slot). */
    int of(long[] codes, int slot) {
        int at = (slot << 2) + word();
        return extract(codes[at], word() < 3 ? codes[at + 1] : 0);
    }

    private int extract(long lo, long hi) {
        int shift = offset & 63;
        long bits = lo >>> shift;
        if (shift + length > 64) bits |= hi << (64 - shift);
        return (int) (bits & ((1L << length) - 1));
    }
}
