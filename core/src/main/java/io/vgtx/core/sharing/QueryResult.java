package io.vgtx.core.sharing;

import io.vgtx.core.match.Match;

import java.util.List;

/**
 * The answer for one hash (or one piece of content).
 *
 * @param matches    the matching entries the asker may see, best first
 * @param hits       one per organisation holding matching entries the asker may not see, never the entries
 * @param lowQuality the PDQ hash was too flat (quality below 50) to match, so it was not looked up
 */
public record QueryResult(HashQuery query, List<Match> matches, List<Hit> hits, boolean lowQuality) {
    public QueryResult {
        matches = List.copyOf(matches);
        hits = List.copyOf(hits);
    }
}
