package io.vgtx.server.auth;

import java.time.Duration;

/**
 * How many failures one client address (or one presented token) may have before it is made to wait: after
 * {@code maxFailures} within {@code window}, its rejected tokens and its sign-ins answer 429 for {@code coolDown};
 * valid tokens and sessions from that address still pass.
 *
 * @param maxTrackedClients bounds the memory an attacker with many addresses can make the limiter use
 */
public record AuthFailurePolicy(int maxFailures, Duration window, Duration coolDown, int maxTrackedClients) {
    public static final AuthFailurePolicy DEFAULT = new AuthFailurePolicy(10, Duration.ofMinutes(1), Duration.ofMinutes(1), 100_000);

    public AuthFailurePolicy {
        if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1");
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        if (coolDown.isNegative() || coolDown.isZero()) throw new IllegalArgumentException("coolDown must be positive");
        if (maxTrackedClients < 1) throw new IllegalArgumentException("maxTrackedClients must be at least 1");
    }
}
