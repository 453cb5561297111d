package io.vgtx.core.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RemovalStatisticsTest {
    private static final Instant T = Instant.parse("2026-01-31T20:00:00Z");

    private static RemovalStatistics.Removal removal(String country, Instant reported, Duration after) {
        return new RemovalStatistics.Removal(country, reported, reported.plus(after));
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(RemovalStatistics.median(List.of(5.0))).isEqualTo(5.0);
        assertThat(RemovalStatistics.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
        assertThat(RemovalStatistics.median(List.of(9.0, 1.0, 5.0, 3.0))).isEqualTo(4.0);
        assertThat(RemovalStatistics.median(List.of(100.0, 1.0, 2.0, 2.0, 3.0))).as("not the mean").isEqualTo(2.0);
    }

    @Test
    void aRemovalCountsInTheUtcMonthItHappenedAndInHoursToTheHundredth() {
        RemovalStatistics stats = RemovalStatistics.of(Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"), RemovalStatistics.Scope.ALL, List.of(
                removal("DE", T, Duration.ofHours(3)),                 // 2026-01-31T23:00Z: January
                removal("DE", T, Duration.ofHours(5)),                 // 2026-02-01T01:00Z: February
                removal("DE", T, Duration.ofMinutes(61))));            // 1.0166… hours
        assertThat(stats.byMonth()).extracting(g -> g.month().orElseThrow(), RemovalStatistics.Group::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 1), 2L), org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 2), 1L));
        assertThat(stats.byMonth().getFirst().meanHours()).hasValue(2.01);
        assertThat(stats.overall().medianHours()).hasValue(3.0);
    }

    @Test
    void nothingRemovedIsACountOfZeroWithNoMedianOrMean() {
        RemovalStatistics stats = RemovalStatistics.of(Instant.EPOCH, T, RemovalStatistics.Scope.READABLE, List.of());
        assertThat(stats.overall().count()).isZero();
        assertThat(stats.overall().medianHours()).isEqualTo(Optional.empty());
        assertThat(stats.byCountry()).isEmpty();
    }
}
