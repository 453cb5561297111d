package io.vgtx.core.report;

import io.vgtx.core.sharing.HashQuery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as stored: what was reported, by whom, and every step since. Its matches are not here: they are
 * shown per reader ({@link ReportDetail}), as that reader may see them.
 *
 * @param reporterId   the reporting organisation, which assesses it
 * @param created      when and by whom it was entered
 * @param assessment   the verdict and who gave it, once assessed
 * @param routes       the organisations it was routed to, in the order they received it
 * @param routeNote    why it is not routed (yet), or routed only in part
 */
public record Report(long id, long reporterId, String reporter, Optional<String> url, List<HashQuery> hashes, ReportSource source,
                     Instant reportedAt, String hostingCountry, Optional<String> uploaderCountry, ReportState state, Step created,
                     Optional<Assessment> assessment, Optional<Instant> routedAt, List<Route> routes, Optional<String> routeNote,
                     Optional<Step> noticeSent, Optional<Step> removed, Optional<Step> removalConfirmed) {
    public Report {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(url, "url");
        hashes = List.copyOf(hashes);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(hostingCountry, "hostingCountry");
        Objects.requireNonNull(uploaderCountry, "uploaderCountry");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(routedAt, "routedAt");
        routes = List.copyOf(routes);
        Objects.requireNonNull(routeNote, "routeNote");
        Objects.requireNonNull(noticeSent, "noticeSent");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(removalConfirmed, "removalConfirmed");
    }

    /** @param step who assessed it and when */
    public record Assessment(ReportVerdict verdict, Step step) {
        public Assessment {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(step, "step");
        }
    }

    public boolean isRoutedTo(long organisationId) {
        return routes.stream().anyMatch(r -> r.organisationId() == organisationId);
    }

    /** The time of the last recorded step: takedown steps may not be dated before it. */
    public Instant lastStepAt() {
        Instant last = reportedAt;
        for (Optional<Step> step : List.of(noticeSent, removed, removalConfirmed)) {
            if (step.isPresent() && step.get().at().isAfter(last)) last = step.get().at();
        }
        return last;
    }
}
