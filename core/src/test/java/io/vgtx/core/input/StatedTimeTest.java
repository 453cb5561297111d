package io.vgtx.core.input;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatedTimeTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void takesTimesFrom1990ToNowAndTheSkew() {
        assertThat(StatedTime.check("first_seen", StatedTime.EARLIEST, NOW, StatedTime.CLOCK_SKEW)).isEqualTo(StatedTime.EARLIEST);
        assertThat(StatedTime.check("first_seen", NOW.plus(Duration.ofHours(23)), NOW, StatedTime.CLOCK_SKEW)).isAfter(NOW);
        assertThat(StatedTime.check("reportedAt", NOW, NOW, Duration.ZERO)).isEqualTo(NOW);
    }

    @Test
    void refusesTimesBefore1990OrFurtherAheadNamingTheField() {
        for (String text : new String[] {"-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1989-12-31T23:59:59.999Z"}) {
            assertThatThrownBy(() -> StatedTime.check("first_seen", Instant.parse(text), NOW, StatedTime.CLOCK_SKEW))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("first_seen: ").hasMessageContaining("before 1990-01-01");
        }
        for (String text : new String[] {"+10000-01-01T00:00:00Z", "2026-06-02T12:00:01Z"}) {
            assertThatThrownBy(() -> StatedTime.check("first_seen", Instant.parse(text), NOW, StatedTime.CLOCK_SKEW))
                    .hasMessageStartingWith("first_seen: ").hasMessageContaining("in the future");
        }
        assertThatThrownBy(() -> StatedTime.check("reportedAt", NOW.plusMillis(1), NOW, Duration.ZERO)).hasMessageContaining("in the future");
    }

    @Test
    void boundsDaysTheSameWay() {
        assertThat(StatedTime.checkDate("on", LocalDate.parse("1990-01-01"), NOW, Duration.ZERO)).isEqualTo("1990-01-01");
        assertThat(StatedTime.checkDate("on", LocalDate.parse("2026-06-01"), NOW, Duration.ZERO)).isEqualTo("2026-06-01");
        assertThatThrownBy(() -> StatedTime.checkDate("on", LocalDate.parse("0001-01-01"), NOW, Duration.ZERO)).hasMessageStartingWith("on: ");
        assertThatThrownBy(() -> StatedTime.checkDate("on", LocalDate.MIN, NOW, Duration.ZERO)).hasMessageStartingWith("on: ");
        assertThatThrownBy(() -> StatedTime.checkDate("on", LocalDate.parse("2026-06-02"), NOW, Duration.ZERO)).hasMessageContaining("in the future");
    }
}
