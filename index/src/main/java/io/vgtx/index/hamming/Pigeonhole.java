package io.vgtx.index.hamming;

/**
 * The counting behind multi-index hashing (Norouzi et al.) in its generalised form, and a stronger
 * variant over neighbouring substrings.
 *
 * <p>Split the code into m disjoint substrings, cyclically ordered, and give substring i a threshold
 * a_i ≥ -1 with Σ(a_i + 1) = r + 1 ({@link #thresholds}). Let d_i be the distance on substring i of a
 * code within r of the query, and e_i = d_i - a_i; then Σ e_i ≤ r - Σ a_i = m - 1.
 * <ul>
 *   <li>Plain pigeonhole: some e_i ≤ 0, i.e. d_i ≤ a_i. (A threshold of -1 is never met: that
 *       substring need not be probed at all.)
 *   <li>Pairs ({@link #pairBounds}): some i has e_i ≤ 0 <em>and</em> e_i + e_{i+1} ≤ 1, that is
 *       d_i ≤ a_i and d_i + d_{i+1} ≤ a_i + a_{i+1} + 1. Proof: otherwise every i with e_i ≤ 0 is followed
 *       by an i + 1 with e_{i+1} ≥ 2 - e_i ≥ 2; pairing each such i with its successor, and counting every
 *       other index at e ≥ 1, gives Σ e_i ≥ m, a contradiction.
 * </ul>
 * So a table may reject a candidate whose next substring is too far, before fetching its code; on random
 * candidates that second test removes almost all of them.
 */
final class Pigeonhole {
    private Pigeonhole() {}

    /**
     * Per-substring thresholds for {@code radius} over {@code substrings} substrings: r + 1 spread as
     * evenly as possible, the remainder going to the first substrings.
     */
    static int[] thresholds(int radius, int substrings) {
        int[] t = new int[substrings];
        int share = (radius + 1) / substrings;
        int extra = (radius + 1) % substrings;
        for (int i = 0; i < substrings; i++) t[i] = share + (i < extra ? 1 : 0) - 1;
        return t;
    }

    /** Per-substring bounds on d_i + d_{i+1}: a_i + a_{i+1} + 1, cyclically (see the class comment). */
    static int[] pairBounds(int[] thresholds) {
        int m = thresholds.length;
        int[] b = new int[m];
        for (int i = 0; i < m; i++) b[i] = thresholds[i] + thresholds[(i + 1) % m] + 1;
        return b;
    }

    /** How many keys of {@code bits} bits lie within {@code threshold} of a given key: Σ_{j≤t} C(bits, j). */
    static int probeCount(int bits, int threshold) {
        long total = 0;
        long choose = 1;
        for (int j = 0; j <= threshold && j <= bits; j++) {
            total += choose;
            choose = choose * (bits - j) / (j + 1);
        }
        return Math.toIntExact(total);
    }

    /**
     * Writes every key within Hamming distance {@code threshold} of {@code key} (a {@code bits}-bit value)
     * to {@code keys}, each once, and to {@code budgets} what is left of the threshold after its flips;
     * returns how many. Nothing for a negative threshold.
     */
    static int probes(int key, int bits, int threshold, int[] keys, int[] budgets) {
        return threshold < 0 ? 0 : flips(key, bits, threshold, keys, budgets, 0);
    }

    /** Emits {@code key}, then recurses flipping one more bit below {@code below}, so each bit set is chosen once. */
    private static int flips(int key, int below, int remaining, int[] keys, int[] budgets, int n) {
        keys[n] = key;
        budgets[n++] = remaining;
        if (remaining == 0) return n;
        for (int i = 0; i < below; i++) n = flips(key ^ (1 << i), i, remaining - 1, keys, budgets, n);
        return n;
    }
}
