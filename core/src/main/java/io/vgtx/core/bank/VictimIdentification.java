package io.vgtx.core.bank;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A series' victim has been identified: by which agency, on which day. It is told with every match and hit on the
 * series' entries, so that no one hunts a child already found. It never carries the series' name: a hit/no-hit
 * answer tells it to organisations that may not see the entry.
 *
 * @param organisation the identifying agency (the organisation that marked the series)
 */
public record VictimIdentification(String organisation, LocalDate on) {
    public VictimIdentification {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(on, "on");
    }
}
