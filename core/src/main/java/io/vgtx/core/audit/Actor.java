package io.vgtx.core.audit;

import io.vgtx.core.auth.Principal;

import java.util.Objects;
import java.util.Optional;

/**
 * Who did something: an organisation and the token it used (never the token's secret), or the signed-in
 * console user, or a local command run on the node itself.
 *
 * @param role the token's or user's role, or {@code CLI} / {@code SYSTEM} for what the node does by itself
 * @param user a signed-in user ({@code user:12 alice}, {@link io.vgtx.core.auth.UserRef#reference}), or the operating-system
 *             user who ran a command on the node ({@code cli:alice}); empty for tokens
 */
public record Actor(String organisation, Optional<Long> tokenId, String role, Optional<String> user) {
    public Actor {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(user, "user");
    }

    public Actor(String organisation, Optional<Long> tokenId, String role) {
        this(organisation, tokenId, role, Optional.empty());
    }

    public static Actor of(Principal principal) {
        return principal.user().isPresent()
                ? new Actor(principal.organisationName(), Optional.empty(), principal.role().name(), principal.user().map(u -> u.reference()))
                : new Actor(principal.organisationName(), Optional.of(principal.tokenId()), principal.role().name());
    }

    /** A command run on the node, for {@code organisation}, by the operating-system user running this process. */
    public static Actor cli(String organisation) {
        return cli(organisation, System.getProperty("user.name", "unknown"));
    }

    /**
     * A command run on the node by whoever can open its database: recorded as {@code cli:<osUser>}, so that what was
     * done from the node's own machine names a person as the API's events do.
     */
    public static Actor cli(String organisation, String osUser) {
        String who = osUser == null || osUser.isBlank() ? "unknown" : osUser.strip();
        return new Actor(organisation, Optional.empty(), "CLI", Optional.of("cli:" + who));
    }
}
