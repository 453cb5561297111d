package io.vgtx.index.hamming;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** Deterministic code generators for the property tests. */
final class TestCodes {
    private TestCodes() {}

    static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    static Code256 uniform(RandomGenerator random) {
        return new Code256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    static List<Code256> uniform(int n, RandomGenerator random) {
        List<Code256> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) codes.add(uniform(random));
        return codes;
    }

    /** {@code code} with exactly {@code flips} distinct bits inverted. */
    static Code256 flip(Code256 code, int flips, RandomGenerator random) {
        Code256 result = code;
        for (int done = 0; done < flips; ) {
            Code256 next = result.flip(random.nextInt(Code256.BITS));
            if (next.distance(code) > result.distance(code)) {
                result = next;
                done++;
            }
        }
        return result;
    }

    /** n codes around {@code centres} random centres, each a centre with 0..maxFlips bits flipped. */
    static List<Code256> clustered(int n, int centres, int maxFlips, RandomGenerator random) {
        List<Code256> centre = uniform(centres, random);
        List<Code256> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            codes.add(flip(centre.get(random.nextInt(centres)), random.nextInt(maxFlips + 1), random));
        }
        return codes;
    }

    /** Half uniform random queries, half a stored code with 0..maxFlips bits flipped. */
    static List<Code256> queries(List<Code256> stored, int count, int maxFlips, RandomGenerator random) {
        List<Code256> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(i % 2 == 0
                    ? uniform(random)
                    : flip(stored.get(random.nextInt(stored.size())), random.nextInt(maxFlips + 1), random));
        }
        return queries;
    }

    /** The bulk-load form: 4 words per code. */
    static long[] words(List<Code256> codes) {
        long[] words = new long[4 * codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            for (int w = 0; w < 4; w++) words[4 * i + w] = codes.get(i).word(w);
        }
        return words;
    }

    /** ids 0..n-1. */
    static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        return ids;
    }
}
