package io.vgtx.index.hamming;

/** Argument checks shared by the implementations. */
final class Arguments {
    private Arguments() {}

    static void checkRadius(int radius) {
        if (radius < 0 || radius > HammingIndex.MAX_RADIUS) {
            throw new IllegalArgumentException("radius must be 0.." + HammingIndex.MAX_RADIUS + ", got " + radius);
        }
    }

    /** Bulk input is parallel arrays: ids[i] has the code codes[4i .. 4i+4) in w0..w3 order. */
    static void checkBulk(long[] ids, long[] codes) {
        if (codes.length != 4L * ids.length) {
            throw new IllegalArgumentException(
                    "codes must hold 4 words per id: " + ids.length + " ids, " + codes.length + " words");
        }
    }
}
