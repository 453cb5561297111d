package io.vgtx.core.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are delivered.
 *
 * @param maxAttempts       attempts before a delivery goes to the dead-letter list (1..100)
 * @param firstRetry        the wait after the first failed attempt; it doubles after each further failure …
 * @param maxRetry          … up to this
 * @param jitter            each wait is scaled by a random factor in [1 − jitter, 1 + jitter), 0 ≤ jitter < 1, so that
 *                          the deliveries of one outage do not all come back at the same second
 * @param requestTimeout    how long one POST may take, connection included; longer is a failed attempt
 * @param lease             how long a worker holds a claimed delivery; another worker takes it over only after this,
 *                          so it must be well over {@code requestTimeout}
 * @param batchSize         deliveries claimed (and sent in parallel) per round
 * @param pollInterval      how often the background worker looks for due deliveries
 * @param addresses         where webhooks may go: public addresses over https, and the operator's allowed ranges
 *                          ({@code --webhook-allow}; tests allow their receiver's loopback)
 */
public record WebhookSettings(int maxAttempts, Duration firstRetry, Duration maxRetry, double jitter, Duration requestTimeout,
                              Duration lease, int batchSize, Duration pollInterval, WebhookAddresses addresses) {
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    public WebhookSettings {
        if (maxAttempts < 1 || maxAttempts > 100) throw new IllegalArgumentException("webhook attempts must be 1..100, not " + maxAttempts);
        requirePositive(firstRetry, "first retry");
        requirePositive(maxRetry, "longest retry");
        if (maxRetry.compareTo(firstRetry) < 0) throw new IllegalArgumentException("the longest retry wait is shorter than the first");
        if (!(jitter >= 0 && jitter < 1)) throw new IllegalArgumentException("jitter must be in [0, 1), not " + jitter);
        requirePositive(requestTimeout, "request timeout");
        requirePositive(lease, "lease");
        if (lease.compareTo(requestTimeout.multipliedBy(2)) < 0)
            throw new IllegalArgumentException("the lease must be at least twice the request timeout");
        if (batchSize < 1 || batchSize > 1000) throw new IllegalArgumentException("batch size must be 1..1000, not " + batchSize);
        requirePositive(pollInterval, "poll interval");
        Objects.requireNonNull(addresses, "addresses");
    }

    /** 10 attempts: waits of 10 s, 20 s, 40 s … up to 1 h (± 20 %), about 1 h 25 min in all; 10 s per request; public addresses only. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(10), Duration.ofHours(1), 0.2, Duration.ofSeconds(10),
                Duration.ofMinutes(2), 20, Duration.ofSeconds(1), WebhookAddresses.publicOnly());
    }

    public WebhookSettings withMaxAttempts(int maxAttempts) {
        return new WebhookSettings(maxAttempts, firstRetry, maxRetry, jitter, requestTimeout, lease, batchSize, pollInterval, addresses);
    }

    public WebhookSettings withRequestTimeout(Duration requestTimeout) {
        Duration newLease = lease.compareTo(requestTimeout.multipliedBy(2)) < 0 ? requestTimeout.multipliedBy(2) : lease;
        return new WebhookSettings(maxAttempts, firstRetry, maxRetry, jitter, requestTimeout, newLease, batchSize, pollInterval, addresses);
    }

    public WebhookSettings withPollInterval(Duration pollInterval) {
        return new WebhookSettings(maxAttempts, firstRetry, maxRetry, jitter, requestTimeout, lease, batchSize, pollInterval, addresses);
    }

    public WebhookSettings withAddresses(WebhookAddresses addresses) {
        return new WebhookSettings(maxAttempts, firstRetry, maxRetry, jitter, requestTimeout, lease, batchSize, pollInterval, addresses);
    }

    /** The same, also allowing these ranges (e.g. {@code 127.0.0.0/8} for a receiver on the node's own machine). */
    public WebhookSettings allowing(io.vgtx.core.net.AddressRange... ranges) {
        return withAddresses(addresses.allowing(ranges));
    }

    /**
     * The wait after the {@code failedAttempts}-th failed attempt: {@code firstRetry · 2^(failedAttempts − 1)}, at most
     * {@code maxRetry}, scaled by {@code 1 − jitter + 2 · jitter · random}.
     *
     * @param random uniform in [0, 1)
     */
    public Duration retryDelay(int failedAttempts, double random) {
        if (failedAttempts < 1) throw new IllegalArgumentException("no attempt has failed yet");
        long base = firstRetry.toMillis();
        long cap = maxRetry.toMillis();
        long delay = failedAttempts - 1 >= 62 ? cap : Math.min(cap, base << Math.min(failedAttempts - 1, Long.numberOfLeadingZeros(base) - 1));
        double factor = 1 - jitter + 2 * jitter * random;
        return Duration.ofMillis(Math.max(1, Math.round(delay * factor)));
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("the webhook " + what + " must be positive");
    }
}
