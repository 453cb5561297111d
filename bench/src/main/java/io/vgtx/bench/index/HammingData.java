package io.vgtx.bench.index;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Synthetic 256-bit codes for the Hamming benchmarks, as flat arrays (4 words per code, w0..w3), the
 * form {@code bulkLoad} takes. Deterministic for a seed.
 */
public final class HammingData {
    /**
     * Cluster shape for clustered data, modelled on hash banks: families of near-duplicates (re-encodes,
     * crops, edits of one picture) of this many members on average, each up to this many flips from the
     * family's centre.
     */
    public static final int FAMILY_SIZE = 16;
    public static final int MAX_MEMBER_FLIPS = 40;
    /** Near queries are a stored code with 0..31 bits flipped. */
    public static final int MAX_QUERY_FLIPS = 31;

    private HammingData() {}

    public static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** n independent uniform codes. */
    public static long[] uniform(int n, RandomGenerator random) {
        long[] codes = new long[4 * n];
        for (int i = 0; i < codes.length; i++) codes[i] = random.nextLong();
        return codes;
    }

    /** n codes in families of about {@link #FAMILY_SIZE}: a uniform centre with 0..40 distinct bits flipped. */
    public static long[] clustered(int n, RandomGenerator random) {
        return clustered(n, Math.max(1, n / FAMILY_SIZE), random);
    }

    /** n codes around {@code centreCount} uniform centres, each a centre with 0..40 distinct bits flipped. */
    public static long[] clustered(int n, int centreCount, RandomGenerator random) {
        long[] centres = uniform(centreCount, random);
        long[] codes = new long[4 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(centres, 4 * random.nextInt(centreCount), codes, 4 * i, 4);
            flipDistinct(codes, 4 * i, random.nextInt(MAX_MEMBER_FLIPS + 1), random);
        }
        return codes;
    }

    /**
     * {@code count} queries: even ones uniform random, odd ones a random stored code with 0..31
     * distinct bits flipped, so that about half the queries have at least one hit.
     */
    public static long[] queries(long[] stored, int count, RandomGenerator random) {
        long[] queries = new long[4 * count];
        int n = stored.length / 4;
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                for (int w = 0; w < 4; w++) queries[4 * i + w] = random.nextLong();
            } else {
                System.arraycopy(stored, 4 * random.nextInt(n), queries, 4 * i, 4);
                flipDistinct(queries, 4 * i, random.nextInt(MAX_QUERY_FLIPS + 1), random);
            }
        }
        return queries;
    }

    /** ids 0..n-1. */
    public static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        return ids;
    }

    /** Flips exactly {@code flips} distinct bits of the code at {@code codes[at .. at+4)}. */
    static void flipDistinct(long[] codes, int at, int flips, RandomGenerator random) {
        long[] chosen = new long[4];
        for (int done = 0; done < flips; ) {
            int bit = random.nextInt(256);
            long mask = 1L << (bit & 63);
            if ((chosen[bit >> 6] & mask) == 0) {
                chosen[bit >> 6] |= mask;
                codes[at + (bit >> 6)] ^= mask;
                done++;
            }
        }
    }
}
