package io.vgtx.core.sharing;

import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.match.Match;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer for one hash (or one piece of content).
 *
 * @param matches         the matching entries the asker may see, best first
 * @param hits            one per organisation holding matching entries the asker may not see, never the entries
 * @param lowQuality      the PDQ hash was too flat (quality below 50) to match, so it was not looked up
 * @param identifications the victim identifications of the series of {@code matches}, by series name
 */
public record QueryResult(HashQuery query, List<Match> matches, List<Hit> hits, boolean lowQuality,
                          Map<String, VictimIdentification> identifications) {
    public QueryResult {
        matches = List.copyOf(matches);
        hits = List.copyOf(hits);
        identifications = Map.copyOf(identifications);
    }

    public QueryResult(HashQuery query, List<Match> matches, List<Hit> hits, boolean lowQuality) {
        this(query, matches, hits, lowQuality, Map.of());
    }

    /** Who identified the victim of this match's series and when, when the series is marked. */
    public Optional<VictimIdentification> identification(Match match) {
        return match.entry().data().series().map(identifications::get);
    }

    /** Whether this match's victim is identified: its series is marked, or the entry itself says so. */
    public boolean victimIdentified(Match match) {
        return match.entry().data().victimIdentified() || identification(match).isPresent();
    }
}
