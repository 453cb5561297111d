package io.vgtx.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A newly issued token. The secret is here once, to be shown to whoever asked for it; only its hash
 * is stored, so it can never be shown again. {@link #toString()} leaves it out, so a log line cannot.
 */
public record IssuedToken(long id, String secret, Role role, Optional<Instant> expiresAt) {
    public IssuedToken {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", secret=…, role=" + role + ", expiresAt=" + expiresAt + "]";
    }
}
