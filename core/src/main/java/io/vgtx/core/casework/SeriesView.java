package io.vgtx.core.casework;

import io.vgtx.core.bank.VictimIdentification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A series as one organisation sees it.
 *
 * @param identification  who identified its victim and when, when it is marked
 * @param markedAt        when the mark was recorded
 * @param visibleEntries  its active entries this organisation may see
 * @param cases           this organisation's own cases that link it
 */
public record SeriesView(String name, Optional<VictimIdentification> identification, Optional<Instant> markedAt,
                         long visibleEntries, List<Long> cases) {
    public SeriesView {
        cases = List.copyOf(cases);
    }

    public boolean victimIdentified() {
        return identification.isPresent();
    }
}
