package io.vgtx.core.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Time to removal — from a report's reported time to the content's removal — over the reports removed in
 * {@code [from, to)}: overall, per hosting country, per month (UTC) of removal, and per both. Aggregates only:
 * counts and hours, never a report, an organisation or a URL.
 *
 * @param scope which reports were counted
 */
public record RemovalStatistics(Instant from, Instant to, Scope scope, Group overall, List<Group> byCountry, List<Group> byMonth,
                                List<Group> byCountryAndMonth) {
    public RemovalStatistics {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(overall, "overall");
        byCountry = List.copyOf(byCountry);
        byMonth = List.copyOf(byMonth);
        byCountryAndMonth = List.copyOf(byCountryAndMonth);
    }

    public enum Scope {
        /** Every report of the node: aggregates name no report, so every active member may see them. */
        ALL,
        /** The reports the caller's organisation made or received. */
        READABLE
    }

    /**
     * One group's figures; an empty group has count 0 and no median or mean.
     *
     * @param country the hosting country, when grouped by it
     * @param month   the month of removal (UTC), when grouped by it
     */
    public record Group(Optional<String> country, Optional<YearMonth> month, long count, Optional<Double> medianHours,
                        Optional<Double> meanHours) {
        public Group {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(medianHours, "medianHours");
            Objects.requireNonNull(meanHours, "meanHours");
        }
    }

    /** A removed report, as statistics see it. */
    public record Removal(String country, Instant reportedAt, Instant removedAt) {
        double hours() {
            return Duration.between(reportedAt, removedAt).toMillis() / 3_600_000.0;
        }

        YearMonth month() {
            return YearMonth.from(removedAt.atOffset(ZoneOffset.UTC));
        }
    }

    /** Groups sorted by country, then month. */
    public static RemovalStatistics of(Instant from, Instant to, Scope scope, List<Removal> removals) {
        Map<String, List<Double>> byCountry = new TreeMap<>();
        Map<YearMonth, List<Double>> byMonth = new TreeMap<>();
        Map<String, Map<YearMonth, List<Double>>> byBoth = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        for (Removal removal : removals) {
            double hours = removal.hours();
            all.add(hours);
            byCountry.computeIfAbsent(removal.country(), c -> new ArrayList<>()).add(hours);
            byMonth.computeIfAbsent(removal.month(), m -> new ArrayList<>()).add(hours);
            byBoth.computeIfAbsent(removal.country(), c -> new TreeMap<>()).computeIfAbsent(removal.month(), m -> new ArrayList<>()).add(hours);
        }
        List<Group> countries = new ArrayList<>();
        byCountry.forEach((country, hours) -> countries.add(group(Optional.of(country), Optional.empty(), hours)));
        List<Group> months = new ArrayList<>();
        byMonth.forEach((month, hours) -> months.add(group(Optional.empty(), Optional.of(month), hours)));
        List<Group> both = new ArrayList<>();
        byBoth.forEach((country, perMonth) -> perMonth.forEach((month, hours) -> both.add(group(Optional.of(country), Optional.of(month), hours))));
        return new RemovalStatistics(from, to, scope, group(Optional.empty(), Optional.empty(), all), countries, months, both);
    }

    private static Group group(Optional<String> country, Optional<YearMonth> month, List<Double> hours) {
        if (hours.isEmpty()) return new Group(country, month, 0, Optional.empty(), Optional.empty());
        return new Group(country, month, hours.size(), Optional.of(round(median(hours))),
                Optional.of(round(hours.stream().mapToDouble(Double::doubleValue).sum() / hours.size())));
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** To the hundredth of an hour (36 s): finer is noise for a takedown. */
    private static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }
}
