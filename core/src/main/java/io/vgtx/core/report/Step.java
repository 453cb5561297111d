package io.vgtx.core.report;

import io.vgtx.core.auth.Principal;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded step of a report.
 *
 * @param at           when it happened (for takedown steps, what the recorder said; otherwise when it was recorded)
 * @param organisation the organisation that recorded it
 * @param tokenId      the token it used, {@code 0} for a signed-in console user
 * @param actor        who recorded it: {@code token:7}, or {@code user:12 alice} for a console user
 *                     ({@link Principal#reference()})
 */
public record Step(Instant at, String organisation, long tokenId, String actor) {
    public Step {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(actor, "actor");
    }

    /** A step the principal records now (or at {@code at}). */
    public static Step by(Principal principal, Instant at) {
        return new Step(at, principal.organisationName(), principal.tokenId(), principal.reference());
    }

    /** A step as stored: rows from before actors were recorded name only their token. */
    static Step stored(Instant at, String organisation, long tokenId, String actor) {
        return new Step(at, organisation, tokenId, actor == null ? "token:" + tokenId : actor);
    }
}
