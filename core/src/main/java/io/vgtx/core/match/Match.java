package io.vgtx.core.match;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.signal.SignalType;
import io.vgtx.hashing.pdq.Dihedral;

import java.util.Comparator;
import java.util.Optional;

/**
 * One known entry that the content matched.
 *
 * @param type      the hash type that matched (MD5, SHA1, SHA256 exactly; PDQ by distance)
 * @param distance  Hamming distance for PDQ, 0 for digests
 * @param transform for PDQ, which rotation or mirror of the content matched ({@code orig} for the content as it is)
 */
public record Match(Entry entry, SignalType type, int distance, Optional<Dihedral> transform) {
    /** Exact digests first, then nearest PDQ, then by entry id: the order results are reported in. */
    public static final Comparator<Match> BEST_FIRST = Comparator
            .comparing((Match m) -> m.transform().isPresent())
            .thenComparingInt(Match::distance)
            .thenComparingLong(m -> m.entry().id());
}
