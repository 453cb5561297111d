package io.vgtx.core.sharing;

/**
 * What one match request came to, in counts only (no hash, no entry): each hash or image looked up counts once in
 * {@code hashes}, and at most once in one of the other two.
 *
 * @param hashes           hashes (or images) looked up, low-quality PDQ hashes (not looked up) included
 * @param withVisibleMatch those with at least one matching entry the asker may see (its own included)
 * @param withHitOnly      those whose matching entries were all hidden from the asker: a hit/no-hit answer naming owners
 */
public record MatchTally(long hashes, long withVisibleMatch, long withHitOnly) {
    public MatchTally {
        if (hashes < 0 || withVisibleMatch < 0 || withHitOnly < 0 || withVisibleMatch + withHitOnly > hashes)
            throw new IllegalArgumentException("inconsistent tally: " + hashes + " hashes, " + withVisibleMatch + " visible, " + withHitOnly + " hit only");
    }
}
