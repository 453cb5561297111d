package io.vgtx.hashing.pdq;

import java.util.HexFormat;

/**
 * A 256-bit PDQ hash. Bit k (0..255) is DCT coefficient (row k/16, column k%16) above the median; it is
 * stored in word {@code k >>> 6} at bit {@code k & 63}, so {@code w3} holds bits 192..255.
 * The text form is the 256-bit number written most significant hex digit first (64 lower-case digits).
 */
public record PdqHash(long w0, long w1, long w2, long w3) {
    public static final int BITS = 256;
    public static final int HEX_LENGTH = 64;

    /** Parses 64 hex digits, either case. */
    public static PdqHash fromHex(String hex) {
        if (hex == null || hex.length() != HEX_LENGTH)
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits, got " + describeLength(hex));
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0)
                throw new IllegalArgumentException("a PDQ hash is 64 hex digits, found '" + hex.charAt(i) + "' at position " + (i + 1));
        }
        return new PdqHash(word(hex, 0), word(hex, 1), word(hex, 2), word(hex, 3));
    }

    private static long word(String hex, int index) {
        int start = (3 - index) * 16;
        return Long.parseUnsignedLong(hex, start, start + 16, 16);
    }

    private static String describeLength(String hex) {
        return hex == null ? "nothing" : hex.length() + " characters";
    }

    /** Builds a hash from 256 bit flags, bit k at index k. */
    static PdqHash fromBits(boolean[] bits) {
        long[] w = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) w[k >>> 6] |= 1L << (k & 63);
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    public boolean bit(int k) {
        return (word(k >>> 6) >>> (k & 63) & 1L) != 0;
    }

    public long word(int index) {
        return switch (index) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    public String toHex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(w3) + hex.toHexDigits(w2) + hex.toHexDigits(w1) + hex.toHexDigits(w0);
    }

    /** Hamming distance, 0..256. */
    public int distance(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0) + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2) + Long.bitCount(w3 ^ other.w3);
    }

    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
