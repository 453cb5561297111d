package io.vgtx.core.user;

import java.time.Duration;

/**
 * How long a console session lasts: it ends {@code idleTimeout} after its last request, and {@code lifetime}
 * after sign-in whatever happens. The last-seen time is written at most once per {@code touchEvery}, so a busy
 * console does not turn every read into a database write.
 */
public record SessionPolicy(Duration idleTimeout, Duration lifetime, Duration touchEvery) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(1));

    public SessionPolicy {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idleTimeout must be positive");
        if (lifetime.compareTo(idleTimeout) < 0) throw new IllegalArgumentException("lifetime must be at least idleTimeout");
        if (touchEvery.isNegative() || touchEvery.compareTo(idleTimeout) >= 0)
            throw new IllegalArgumentException("touchEvery must be shorter than idleTimeout");
    }
}
