package io.vgtx.server;

import io.vgtx.server.auth.AuthFailureLimiter;
import io.vgtx.server.auth.AuthFailurePolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFailureLimiterTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void blocksOnlyTheAddressThatFailed() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(new AuthFailurePolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 100), clock);
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        assertThat(limiter.recordFailure("10.0.0.1")).isTrue();
        assertThat(limiter.blockedFor("10.0.0.1")).hasValue(Duration.ofMinutes(5));
        assertThat(limiter.blockedFor("10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void remembersAtMostTheConfiguredNumberOfAddresses() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(new AuthFailurePolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 50), clock);
        for (int i = 0; i < 1000; i++) limiter.recordFailure("10.0." + (i / 256) + "." + (i % 256));
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(50);
    }
}
