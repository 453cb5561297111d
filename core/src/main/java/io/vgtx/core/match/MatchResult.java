package io.vgtx.core.match;

import java.util.List;

/**
 * The matches of one piece of content, best first.
 *
 * @param lowQualityPdq the content's PDQ hash was too flat (quality below 50) to match reliably, so it was
 *                      not looked up; digests still were
 */
public record MatchResult(List<Match> matches, boolean lowQualityPdq) {
    public MatchResult {
        matches = List.copyOf(matches);
    }
}
