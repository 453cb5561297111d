package io.vgtx.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded step of a report.
 *
 * @param at           when it happened (for takedown steps, what the recorder said; otherwise when it was recorded)
 * @param organisation the organisation that recorded it
 * @param tokenId      the token it used
 */
public record Step(Instant at, String organisation, long tokenId) {
    public Step {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(organisation, "organisation");
    }
}
