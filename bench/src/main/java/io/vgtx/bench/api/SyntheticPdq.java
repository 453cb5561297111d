package io.vgtx.bench.api;

import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Synthetic PDQ hashes that a load client can regenerate without the file a node was loaded from: hash
 * {@code i} of seed {@code s} is a pure function of both, so a client can ask for known hashes (and
 * near-duplicates of them) at random.
 */
final class SyntheticPdq {
    private static final HexFormat HEX = HexFormat.of();

    private final long seed;

    SyntheticPdq(long seed) {
        this.seed = seed;
    }

    /** The four words of hash {@code i}. */
    long[] words(long i) {
        // Mixed, not just offset: SplittableRandom seeds one gamma apart give shifted copies of one sequence.
        SplittableRandom random = new SplittableRandom(mix(mix(seed) + i));
        return new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
    }

    /** MurmurHash3's 64-bit finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    String hex(long i) {
        return hex(words(i));
    }

    /** Hash {@code i} with {@code flips} distinct random bits inverted: a near-duplicate at exactly that distance. */
    String nearDuplicate(long i, int flips, SplittableRandom random) {
        long[] words = words(i);
        long flipped = 0;
        long[] mask = new long[4];
        while (flipped < flips) {
            int bit = random.nextInt(256);
            long b = 1L << (bit & 63);
            if ((mask[bit >>> 6] & b) != 0) continue;
            mask[bit >>> 6] |= b;
            flipped++;
        }
        for (int w = 0; w < 4; w++) words[w] ^= mask[w];
        return hex(words);
    }

    /** A fresh random hash: at 256 bits, practically never within 31 bits of a stored one. */
    static String random(SplittableRandom random) {
        return hex(new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()});
    }

    private static String hex(long[] words) {
        StringBuilder text = new StringBuilder(64);
        for (long word : words) text.append(HEX.toHexDigits(word));
        return text.toString();
    }
}
