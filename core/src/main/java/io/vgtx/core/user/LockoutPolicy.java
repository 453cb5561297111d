package io.vgtx.core.user;

import java.time.Duration;

/**
 * When an account stops accepting passwords: after {@code maxFailures} failed sign-ins in a row it is locked for
 * {@code lockFor}; a success resets the count. While locked, no password is even checked, so guessing on
 * during the lock learns nothing. An organisation ADMIN can unlock it early ({@link Users#enable}).
 */
public record LockoutPolicy(int maxFailures, Duration lockFor) {
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1");
        if (lockFor.isNegative() || lockFor.isZero()) throw new IllegalArgumentException("lockFor must be positive");
    }
}
