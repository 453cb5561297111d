package io.vgtx.core.org;

import java.time.Instant;
import java.util.Objects;

/**
 * One organisation's vote on an application, as it stands (a later vote replaces it).
 *
 * @param voterRef who in the voting organisation cast it (token id or user reference)
 */
public record Vote(long applicantId, long voterId, String voterName, String voterRef, boolean approve, Instant castAt) {
    public Vote {
        Objects.requireNonNull(voterName, "voterName");
        Objects.requireNonNull(voterRef, "voterRef");
        Objects.requireNonNull(castAt, "castAt");
    }
}
