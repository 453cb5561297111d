package io.vgtx.core.statistics;

import java.time.LocalDate;

/**
 * What one organisation looked up on one UTC day, in counts (see {@link io.vgtx.core.sharing.MatchTally}).
 *
 * @param requests match requests (a request of many hashes, or one image, is one)
 */
public record MatchDay(LocalDate day, long requests, long hashesLookedUp, long hashesWithVisibleMatch, long hashesWithHitOnly) {
    static MatchDay none(LocalDate day) {
        return new MatchDay(day, 0, 0, 0, 0);
    }

    MatchDay plus(MatchDay other) {
        return new MatchDay(day, requests + other.requests, hashesLookedUp + other.hashesLookedUp,
                hashesWithVisibleMatch + other.hashesWithVisibleMatch, hashesWithHitOnly + other.hashesWithHitOnly);
    }
}
