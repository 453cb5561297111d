package io.vgtx.core.bank;

import java.time.Instant;
import java.util.Objects;

/**
 * A grade in someone else's scheme, kept as it came (VICS 0–4, INTERPOL Baseline, NCMEC codes …) so that
 * crosswalks and quorum rules can be added later without re-importing.
 *
 * @param gradedBy the organisation that graded, or null when the source did not say
 * @param gradedAt when, or null when unknown
 */
public record Grade(String scheme, String grade, String gradedBy, Instant gradedAt) {
    public Grade {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(grade, "grade");
    }
}
