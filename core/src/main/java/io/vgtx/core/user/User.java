package io.vgtx.core.user;

import io.vgtx.core.auth.Role;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in to the console, as listed: never the password hash.
 *
 * @param lockedUntil set while the account is locked after repeated failed sign-ins (it may lie in the past)
 */
public record User(long id, long organisationId, String organisationName, String login, Role role, Instant createdAt,
                   Optional<Instant> disabledAt, int failedAttempts, Optional<Instant> lockedUntil, Optional<Instant> lastSignInAt) {
    public User {
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(disabledAt, "disabledAt");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(lastSignInAt, "lastSignInAt");
    }

    public boolean isDisabled() {
        return disabledAt.isPresent();
    }

    /** Locked at {@code now} after too many failed sign-ins. */
    public boolean isLocked(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
