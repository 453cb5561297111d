package io.vgtx.core.match;

import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalType;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Active hashes as flat columns — entry id, type, and the hash as four words (digests zero-padded) —
 * the compact form in which the match index is loaded, snapshotted and bulk-built.
 */
final class HashColumns {
    /** Type codes; the position in this list is what a snapshot stores, so only ever append. */
    static final List<SignalType> TYPES = List.of(DigestSignal.MD5, DigestSignal.SHA1, DigestSignal.SHA256, PdqSignal.PDQ);

    private long[] ids;
    private byte[] types;
    private long[] words;
    private int size;

    HashColumns(int capacity) {
        int initial = Math.max(16, capacity);
        ids = new long[initial];
        types = new byte[initial];
        words = new long[4 * initial];
    }

    static boolean indexed(SignalType type) {
        return TYPES.contains(type);
    }

    void add(long id, SignalType type, String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        long[] w = new long[4];
        // Big-endian words, most significant first, as the PDQ hex reads: word 3 holds the first 16 digits.
        for (int i = 0; i < bytes.length; i++) w[3 - i / 8] |= (bytes[i] & 0xFFL) << (56 - 8 * (i % 8));
        add(id, (byte) TYPES.indexOf(type), w[0], w[1], w[2], w[3]);
    }

    void add(long id, byte type, long w0, long w1, long w2, long w3) {
        if (size == ids.length) grow();
        ids[size] = id;
        types[size] = type;
        words[4 * size] = w0;
        words[4 * size + 1] = w1;
        words[4 * size + 2] = w2;
        words[4 * size + 3] = w3;
        size++;
    }

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        types = Arrays.copyOf(types, capacity);
        words = Arrays.copyOf(words, 4 * capacity);
    }

    int size() {
        return size;
    }

    long id(int row) {
        return ids[row];
    }

    byte typeCode(int row) {
        return types[row];
    }

    SignalType type(int row) {
        return TYPES.get(types[row]);
    }

    long word(int row, int w) {
        return words[4 * row + w];
    }

    /** The digest bytes of a row (its type's length), inverse of {@link #add(long, SignalType, String)}. */
    byte[] digest(int row, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte) (words[4 * row + 3 - i / 8] >>> (56 - 8 * (i % 8)));
        return bytes;
    }
}
