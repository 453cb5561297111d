package io.vgtx.core.match;

import io.vgtx.core.signal.PdqSignal;
import io.vgtx.hashing.digest.Digests;
import io.vgtx.hashing.pdq.PdqResult;

import java.util.Optional;

/**
 * What is known of one piece of content: its digests (whenever its bytes were read) and its PDQ hash
 * with the dihedral variants (when it decoded as an image), and how to match.
 *
 * @param threshold largest PDQ distance that counts as a match, 0..31
 * @param bank      only report entries of this bank, when present
 */
public record MatchQuery(Optional<Digests> digests, Optional<PdqResult> pdq, int threshold, Optional<String> bank) {
    public MatchQuery {
        if (threshold < 0 || threshold > PdqSignal.DEFAULT_THRESHOLD)
            throw new IllegalArgumentException("threshold must be 0.." + PdqSignal.DEFAULT_THRESHOLD + ", not " + threshold);
    }
}
