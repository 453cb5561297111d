package io.vgtx.core.audit;

import io.vgtx.core.auth.Principal;

import java.util.Objects;
import java.util.Optional;

/**
 * Who did something: an organisation and the token it used (never the token's secret), or a local
 * command run on the node itself.
 *
 * @param role the token's role, or {@code CLI} / {@code SYSTEM} for what the node does by itself
 */
public record Actor(String organisation, Optional<Long> tokenId, String role) {
    public Actor {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(role, "role");
    }

    public static Actor of(Principal principal) {
        return new Actor(principal.organisationName(), Optional.of(principal.tokenId()), principal.role().name());
    }

    /** A command run on the node by whoever can open its database. */
    public static Actor cli(String organisation) {
        return new Actor(organisation, Optional.empty(), "CLI");
    }
}
