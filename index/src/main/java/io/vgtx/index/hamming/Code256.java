package io.vgtx.index.hamming;

import java.util.HexFormat;

/**
 * A 256-bit code such as a PDQ hash, held as four words: bit {@code k} of the code is bit {@code k & 63}
 * of word {@code k >> 6}. The index treats it as opaque bits; only the hex form fixes an order:
 * the 64 hex digits are the 256-bit number, most significant digit first, so the first 16 digits
 * are {@code w3} and the last 16 are {@code w0}.
 */
public record Code256(long w0, long w1, long w2, long w3) {
    public static final int BITS = 256;
    public static final int HEX_LENGTH = 64;

    /** Parses 64 hex digits (either case); anything else is rejected. */
    public static Code256 fromHex(CharSequence hex) {
        if (hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("a 256-bit code is 64 hex digits, got " + hex.length());
        }
        return new Code256(
                HexFormat.fromHexDigitsToLong(hex, 48, 64),
                HexFormat.fromHexDigitsToLong(hex, 32, 48),
                HexFormat.fromHexDigitsToLong(hex, 16, 32),
                HexFormat.fromHexDigitsToLong(hex, 0, 16));
    }

    /** Reads the code stored at {@code words[offset .. offset + 4)} in w0..w3 order. */
    public static Code256 fromWords(long[] words, int offset) {
        return new Code256(words[offset], words[offset + 1], words[offset + 2], words[offset + 3]);
    }

    /** Lower-case hex, the inverse of {@link #fromHex}. */
    public String toHex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(w3) + hex.toHexDigits(w2) + hex.toHexDigits(w1) + hex.toHexDigits(w0);
    }

    /** Word {@code i} (0..3). */
    public long word(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    public boolean bit(int k) {
        return (word(k >> 6) >>> (k & 63) & 1L) != 0;
    }

    /** The code with bit {@code k} (0..255) inverted. */
    public Code256 flip(int k) {
        long mask = 1L << (k & 63);
        return switch (k >> 6) {
            case 0 -> new Code256(w0 ^ mask, w1, w2, w3);
            case 1 -> new Code256(w0, w1 ^ mask, w2, w3);
            case 2 -> new Code256(w0, w1, w2 ^ mask, w3);
            case 3 -> new Code256(w0, w1, w2, w3 ^ mask);
            default -> throw new IndexOutOfBoundsException(k);
        };
    }

    /** Hamming distance: the number of bits in which the two codes differ. */
    public int distance(Code256 other) {
        return Long.bitCount(w0 ^ other.w0) + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2) + Long.bitCount(w3 ^ other.w3);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
