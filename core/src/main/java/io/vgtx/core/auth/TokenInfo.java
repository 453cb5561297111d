package io.vgtx.core.auth;

import java.time.Instant;
import java.util.Optional;

/** A token as listed: never its secret, which is not stored. */
public record TokenInfo(long id, long organisationId, Role role, String label, Instant createdAt,
                        Optional<Instant> expiresAt, Optional<Instant> revokedAt) {

    /** Not revoked and not expired at {@code now}. */
    public boolean isLive(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }
}
