package io.vgtx.server.api.report;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.RemovalStatistics;
import io.vgtx.core.report.Report;
import io.vgtx.core.report.ReportDetail;
import io.vgtx.core.report.ReportSource;
import io.vgtx.core.report.ReportState;
import io.vgtx.core.report.ReportVerdict;
import io.vgtx.core.report.Reports;
import io.vgtx.core.report.Route;
import io.vgtx.core.report.Step;
import io.vgtx.core.report.TakedownStep;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.Hit;
import io.vgtx.server.api.bank.Views.HashItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the report routes (records: the OpenAPI schemas are built from them). */
public final class ReportViews {
    private ReportViews() {}

    /**
     * A new report: a URL, hashes typed as everywhere in the API, or both — never content.
     *
     * @param reportedAt when the report reached you (ISO-8601); default now
     */
    public record NewReportBody(String url, List<HashItem> hashes, ReportSource source, Instant reportedAt, String hostingCountry,
                                String uploaderCountry) {}

    /** {@code {"illegal":true,"category":"A"}} or {@code {"illegal":false,"reason":"…"}}; {@code note} is an optional remark. */
    public record AssessmentBody(Boolean illegal, Category category, String reason, String note) {}

    /** @param at when it happened (ISO-8601); default now */
    public record TakedownBody(TakedownStep step, Instant at) {}

    /**
     * Who recorded a step, and when it happened.
     *
     * @param actor   {@code token:7}, or {@code user:12 alice} for a signed-in console user
     * @param tokenId the token, {@code 0} for a console user (kept for older clients; {@code actor} says who)
     */
    public record StepView(Instant at, String organisation, String actor, long tokenId) {
        static StepView of(Step step) {
            return new StepView(step.at(), step.organisation(), step.actor(), step.tokenId());
        }

        static StepView of(Optional<Step> step) {
            return step.map(StepView::of).orElse(null);
        }
    }

    /** @param note an illegal report's remark; @param reason why it is not illegal */
    public record AssessmentView(boolean illegal, Category category, String reason, String note, StepView assessed) {
        static AssessmentView of(Report.Assessment a) {
            return switch (a.verdict()) {
                case ReportVerdict.Illegal illegal -> new AssessmentView(true, illegal.category(), null, illegal.note().orElse(null), StepView.of(a.step()));
                case ReportVerdict.NotIllegal notIllegal -> new AssessmentView(false, null, notIllegal.reason(), null, StepView.of(a.step()));
            };
        }
    }

    public record RouteView(long organisationId, String organisation, OrganisationKind kind, Route.Reason reason, Instant routedAt) {
        static RouteView of(Route r) {
            return new RouteView(r.organisationId(), r.organisation(), r.kind(), r.reason(), r.routedAt());
        }
    }

    /** @param note why the report is not routed (yet), or only to a hotline or the fallback */
    public record RoutingView(Instant routedAt, List<RouteView> receivers, String note) {}

    /** @param hoursToRemoval from the reported time to removal, once removed */
    public record TakedownView(StepView noticeSent, StepView removed, StepView removalConfirmed, Double hoursToRemoval) {}

    /** A matching entry you may see, found when the report was assessed; its category and state are as they are now. */
    public record ReportMatchView(long entry, long bankId, String bank, String type, int distance, Category category, Distribution distribution,
                                  String state, boolean victimIdentified, String identifiedBy, LocalDate identifiedOn) {
        static ReportMatchView of(ReportDetail.ReportMatch m) {
            EntryData d = m.entry().data();
            return new ReportMatchView(m.entry().id(), m.entry().bankId(), m.entry().bankName(), m.type().name(), m.distance(),
                    d.category().orElse(null), d.distribution().orElse(null), d.state().name(), m.victimIdentified(),
                    m.identification().map(VictimIdentification::organisation).orElse(null),
                    m.identification().map(VictimIdentification::on).orElse(null));
        }
    }

    /** @param hits organisations holding matches you may not see: contact them */
    public record ReportResultView(HashItem hash, List<ReportMatchView> matches, List<ReportHitView> hits) {}

    /**
     * A hit kept with a report: whom to contact, and whether the victim of their matching entry is identified (by whom and
     * when, never the series).
     */
    public record ReportHitView(String organisation, String contact, boolean victimIdentified, String identifiedBy, LocalDate identifiedOn) {
        static ReportHitView of(Hit hit) {
            return new ReportHitView(hit.organisation(), hit.contact().orElse(null), hit.victimIdentified(),
                    hit.identification().map(VictimIdentification::organisation).orElse(null),
                    hit.identification().map(VictimIdentification::on).orElse(null));
        }
    }

    /**
     * A report as you may see it.
     *
     * @param relation REPORTER (your organisation made it) or RECEIVER (it was routed to you)
     * @param results  per hash, in order: the matches found at assessment that you may see, and hits for the rest
     */
    public record ReportView(long id, ReportState state, ReportDetail.Relation relation, String reporter, String url, List<HashItem> hashes,
                             ReportSource source, Instant reportedAt, String hostingCountry, String uploaderCountry, StepView created,
                             AssessmentView assessment, RoutingView routing, TakedownView takedown, List<ReportResultView> results) {
        static ReportView of(ReportDetail detail) {
            Report r = detail.report();
            List<ReportResultView> results = detail.results().stream().map(res -> new ReportResultView(hash(res.hash()),
                    res.matches().stream().map(ReportMatchView::of).toList(),
                    res.hits().stream().map(ReportHitView::of).toList())).toList();
            return new ReportView(r.id(), r.state(), detail.relation(), r.reporter(), r.url().orElse(null),
                    r.hashes().stream().map(ReportViews::hash).toList(), r.source(), r.reportedAt(), r.hostingCountry(),
                    r.uploaderCountry().orElse(null), StepView.of(r.created()), r.assessment().map(AssessmentView::of).orElse(null),
                    new RoutingView(r.routedAt().orElse(null), r.routes().stream().map(RouteView::of).toList(), r.routeNote().orElse(null)),
                    new TakedownView(StepView.of(r.noticeSent()), StepView.of(r.removed()), StepView.of(r.removalConfirmed()),
                            r.removed().map(s -> hours(r.reportedAt(), s.at())).orElse(null)),
                    results);
        }
    }

    /** A report in a list: what a queue shows; its matches are in the report itself. */
    public record ReportItem(long id, ReportState state, ReportDetail.Relation relation, String reporter, String url, int hashes,
                             ReportSource source, Instant reportedAt, String hostingCountry, Category category, Instant routedAt,
                             Instant removedAt) {
        static ReportItem of(Report r, long organisationId) {
            Category category = r.assessment().map(Report.Assessment::verdict)
                    .map(v -> v instanceof ReportVerdict.Illegal illegal ? illegal.category() : null).orElse(null);
            return new ReportItem(r.id(), r.state(), Reports.relation(r, organisationId), r.reporter(), r.url().orElse(null), r.hashes().size(),
                    r.source(), r.reportedAt(), r.hostingCountry(), category, r.routedAt().orElse(null), r.removed().map(Step::at).orElse(null));
        }
    }

    /** @param next the {@code after} of the next page; absent at the end */
    public record ReportList(List<ReportItem> reports, Long next) {}

    /**
     * How many reports of a queue are in each state; every state is listed, zeros included.
     *
     * @param queue OWN (made by your organisation), INCOMING (routed to it) or ALL (both)
     */
    public record ReportCounts(Reports.Queue queue, Map<ReportState, Long> byState, long total) {
        static ReportCounts of(Reports.Queue queue, Map<ReportState, Long> counts) {
            return new ReportCounts(queue, counts, counts.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /**
     * One group's time to removal, in hours.
     *
     * @param country the hosting country, when grouped by it
     * @param month   {@code YYYY-MM} (UTC) of removal, when grouped by it
     */
    public record GroupView(String country, String month, long count, Double medianHours, Double meanHours) {
        static GroupView of(RemovalStatistics.Group g) {
            return new GroupView(g.country().orElse(null), g.month().map(Object::toString).orElse(null), g.count(),
                    g.medianHours().orElse(null), g.meanHours().orElse(null));
        }
    }

    /** Time to removal over the reports removed in {@code [from, to)}. */
    public record StatisticsView(Instant from, Instant to, RemovalStatistics.Scope scope, GroupView overall, List<GroupView> byCountry,
                                 List<GroupView> byMonth, List<GroupView> byCountryAndMonth) {
        static StatisticsView of(RemovalStatistics s) {
            return new StatisticsView(s.from(), s.to(), s.scope(), GroupView.of(s.overall()), s.byCountry().stream().map(GroupView::of).toList(),
                    s.byMonth().stream().map(GroupView::of).toList(), s.byCountryAndMonth().stream().map(GroupView::of).toList());
        }
    }

    static HashItem hash(HashQuery q) {
        return new HashItem(q.type().name(), q.value(), q.quality().orElse(null));
    }

    private static double hours(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 36_000.0) / 100.0;
    }
}
