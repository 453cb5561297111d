package io.vgtx.core.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {
    private final WebhookSettings defaults = WebhookSettings.defaults();

    @Test
    void waitsDoubleFromTenSecondsUpToAnHourWithoutJitterAtTheMiddle() {
        assertThat(defaults.retryDelay(1, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.retryDelay(2, 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.retryDelay(3, 0.5)).isEqualTo(Duration.ofSeconds(40));
        assertThat(defaults.retryDelay(9, 0.5)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(defaults.retryDelay(10, 0.5)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.retryDelay(100, 0.5)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.retryDelay(Integer.MAX_VALUE, 0.5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsEachWaitWithinTwentyPercent() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = defaults.retryDelay(2, random.nextDouble()).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertThat(min).isBetween(16_000L, 16_100L);
        assertThat(max).isBetween(23_900L, 24_000L);
        assertThat(defaults.retryDelay(1, 0.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> defaults.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxAttempts(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(5), 0.2, Duration.ofSeconds(1),
                Duration.ofSeconds(10), 10, Duration.ofSeconds(1), WebhookAddresses.publicOnly())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(50), 1.0, Duration.ofSeconds(1),
                Duration.ofSeconds(10), 10, Duration.ofSeconds(1), WebhookAddresses.publicOnly())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(50), 0.2, Duration.ofSeconds(10),
                Duration.ofSeconds(10), 10, Duration.ofSeconds(1), WebhookAddresses.publicOnly())).as("a lease shorter than two request timeouts")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.retryDelay(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongerRequestTimeoutStretchesTheLeaseWithIt() {
        WebhookSettings slow = defaults.withRequestTimeout(Duration.ofMinutes(5));
        assertThat(slow.lease()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void byDefaultWebhooksGoToPublicAddressesOnly() {
        assertThat(defaults.addresses().allowed()).isEmpty();
        assertThat(defaults.addresses().resolver()).isSameAs(WebhookResolver.SYSTEM);
    }
}
