package io.vgtx.server.api.report;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.report.NewReport;
import io.vgtx.core.report.RemovalStatistics;
import io.vgtx.core.report.Report;
import io.vgtx.core.report.ReportDetail;
import io.vgtx.core.report.ReportState;
import io.vgtx.core.report.ReportTransitionException;
import io.vgtx.core.report.ReportVerdict;
import io.vgtx.core.report.Reports;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.server.api.bank.Views.HashItem;
import io.vgtx.server.api.report.ReportViews.AssessmentBody;
import io.vgtx.server.api.report.ReportViews.NewReportBody;
import io.vgtx.server.api.report.ReportViews.ReportCounts;
import io.vgtx.server.api.report.ReportViews.ReportItem;
import io.vgtx.server.api.report.ReportViews.ReportList;
import io.vgtx.server.api.report.ReportViews.ReportView;
import io.vgtx.server.api.report.ReportViews.StatisticsView;
import io.vgtx.server.api.report.ReportViews.TakedownBody;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.Params;
import io.vgtx.server.http.ApiHandler;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hotline reports: made, listed, read, assessed, routed, taken down, and time-to-removal statistics. A report is read
 * only by the organisation that made it and the organisations it was routed to; to anyone else it is "not found".
 */
public final class ReportRoutes implements ApiRoutes {
    private static final int DEFAULT_PAGE = 50;

    private final Reports reports;

    public ReportRoutes(NodeServices services) {
        this.reports = services.reports();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/reports").summary("Report a URL and/or content hashes (ANALYST or ADMIN)").tag("reports")
                        .description("Never content: a `url`, `hashes` (`{\"type\":\"PDQ\",\"value\":…}` as in /match; at most "
                                + NewReport.MAX_HASHES + ") or both. `source` is PUBLIC, PARTNER or AUTOMATIC_MATCH; `hostingCountry` "
                                + "(ISO 3166-1 alpha-2) decides where it is routed once assessed illegal. It starts RECEIVED.")
                        .accepts(NewReportBody.class).returns(201, ReportView.class)
                        .handle(guarded(this::create)),
                ApiRoute.get("/api/v1/reports").summary("Reports your organisation made or received").tag("reports")
                        .query("queue", "own (made by you), incoming (routed to you) or all (default).")
                        .query("state", "Only reports in this state: RECEIVED, ASSESSED, NOT_ILLEGAL, ROUTED, NOTICE_SENT, REMOVED, REMOVAL_CONFIRMED.")
                        .query("after", "Report id to continue after (the previous page's `next`).")
                        .query("limit", "Reports per page, 1.." + Reports.MAX_PAGE + " (default " + DEFAULT_PAGE + ").")
                        .returns(ReportList.class)
                        .handle(guarded(this::list)),
                ApiRoute.get("/api/v1/reports/statistics").summary("Time to removal per hosting country and per month").tag("reports")
                        .description("Count, median and mean hours from reported time to removal, over the reports removed in [from, to), "
                                + "grouped by hosting country, by month of removal (UTC) and by both. Aggregates only: with `scope=all` "
                                + "(default) over every report of the node, with `scope=readable` over those your organisation made or received.")
                        .query("from", "Start, inclusive: an ISO-8601 time or date (default: the beginning).")
                        .query("to", "End, exclusive: an ISO-8601 time or date (default: the start of tomorrow, UTC).")
                        .query("scope", "all (default) or readable.")
                        .returns(StatisticsView.class)
                        .handle(guarded(this::statistics)),
                ApiRoute.get("/api/v1/reports/counts").summary("How many of your reports are in each state").tag("reports")
                        .description("Counts only, over the reports your organisation made, received or both (as the list's `queue`); "
                                + "every state is listed, zeros included. They name no report and are not audited.")
                        .query("queue", "own (made by you), incoming (routed to you) or all (default).")
                        .returns(ReportCounts.class)
                        .handle(guarded(this::counts)),
                ApiRoute.get("/api/v1/reports/{id}").summary("One report, with the matches you may see").tag("reports")
                        .description("For the reporting organisation and those it was routed to; anyone else gets 404. Matches found "
                                + "at assessment are shown as you may see them: an entry you may not see is a hit naming its owner.")
                        .returns(ReportView.class)
                        .handle(guarded(call -> ReportView.of(reports.read(principal(call), Params.id(call, "id"))))),
                ApiRoute.post("/api/v1/reports/{id}/assessment").summary("Assess a received report (the reporter's ANALYST or ADMIN)").tag("reports")
                        .description("`{\"illegal\":true,\"category\":\"A|B|C|EXPLOITATIVE\"}` or `{\"illegal\":false,\"reason\":\"…\"}`. "
                                + "Its hashes are matched as your organisation may see them (owners of entries you may not see are told), "
                                + "and an illegal report is routed at once to the ACTIVE law-enforcement organisations holding the hosting "
                                + "country's jurisdiction and the country's hotline, or else to the node's fallback organisation. With no "
                                + "route it stays ASSESSED, and `routing.note` says why.")
                        .accepts(AssessmentBody.class).returns(ReportView.class)
                        .handle(guarded(this::assess)),
                ApiRoute.post("/api/v1/reports/{id}/route").summary("Route an assessed report again (the reporter's ANALYST or ADMIN)").tag("reports")
                        .description("For an ASSESSED report that had no route, or a ROUTED one that organisations joining since should "
                                + "receive too. Those that received it keep it.")
                        .returns(ReportView.class)
                        .handle(guarded(call -> ReportView.of(reports.reroute(principal(call), Params.id(call, "id"))))),
                ApiRoute.post("/api/v1/reports/{id}/takedown").summary("Record a takedown step (ANALYST or ADMIN of the reporter or a receiver)").tag("reports")
                        .description("`{\"step\":\"NOTICE_SENT|REMOVED|REMOVAL_CONFIRMED\",\"at\":\"…\"}`, in that order, once routed. "
                                + "`at` (default now) may not be in the future nor before the previous step.")
                        .accepts(TakedownBody.class).returns(ReportView.class)
                        .handle(guarded(this::takedown)));
    }

    private ApiResponse create(ApiCall call) throws IOException {
        NewReportBody body = call.body(NewReportBody.class);
        List<HashQuery> hashes = new ArrayList<>();
        if (body.hashes() != null) {
            if (body.hashes().size() > NewReport.MAX_HASHES)
                throw ApiProblem.validation("hashes: at most " + NewReport.MAX_HASHES + " per report, not " + body.hashes().size() + ".");
            for (int i = 0; i < body.hashes().size(); i++) hashes.add(hash(body.hashes().get(i), "hashes[" + i + "]"));
        }
        if (body.hostingCountry() == null) throw ApiProblem.validation("hostingCountry: required (ISO 3166-1 alpha-2, e.g. DE).");
        if (body.source() == null) throw ApiProblem.validation("source: required (PUBLIC, PARTNER or AUTOMATIC_MATCH).");
        NewReport report = new NewReport(Optional.ofNullable(body.url()), hashes, body.source(), Optional.ofNullable(body.reportedAt()),
                body.hostingCountry(), Optional.ofNullable(body.uploaderCountry()));
        Report made = reports.create(principal(call), report);
        List<ReportDetail.HashResult> empty = made.hashes().stream().map(h -> new ReportDetail.HashResult(h, List.of(), List.of())).toList();
        return ApiResponse.json(201, ReportView.of(new ReportDetail(made, ReportDetail.Relation.REPORTER, empty)));
    }

    private static HashQuery hash(HashItem item, String where) {
        if (item == null || item.type() == null || item.value() == null) throw ApiProblem.validation(where + " needs a type and a value.");
        try {
            return new HashQuery(SignalTypes.byName(item.type().strip().toUpperCase(Locale.ROOT)), item.value(), Optional.ofNullable(item.quality()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(where + ": " + e.getMessage());
        }
    }

    private ReportCounts counts(ApiCall call) {
        Reports.Queue queue = queue(call);
        return ReportCounts.of(queue, reports.counts(principal(call), queue));
    }

    private static Reports.Queue queue(ApiCall call) {
        return call.queryParam("queue").map(q -> switch (q.strip().toLowerCase(Locale.ROOT)) {
            case "own" -> Reports.Queue.OWN;
            case "incoming" -> Reports.Queue.INCOMING;
            case "all" -> Reports.Queue.ALL;
            default -> throw ApiProblem.validation("Query parameter 'queue' must be own, incoming or all, not '" + q + "'.");
        }).orElse(Reports.Queue.ALL);
    }

    private ReportList list(ApiCall call) {
        Principal principal = principal(call);
        Reports.Queue queue = queue(call);
        Optional<ReportState> state = call.queryParam("state").map(s -> {
            try {
                return ReportState.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.validation("Query parameter 'state' must be one of " + List.of(ReportState.values()) + ", not '" + s + "'.");
            }
        });
        long after = call.queryParam("after").map(text -> Params.parse("after", text, 0)).orElse(0L);
        long limit = call.queryParam("limit").map(text -> Params.parse("limit", text, 1)).orElse((long) DEFAULT_PAGE);
        if (limit > Reports.MAX_PAGE) throw ApiProblem.validation("Query parameter 'limit' must be 1.." + Reports.MAX_PAGE + ", not " + limit + ".");
        Reports.Page page = reports.list(principal, queue, state, after, (int) limit);
        return new ReportList(page.reports().stream().map(r -> ReportItem.of(r, principal.organisationId())).toList(),
                page.next().isPresent() ? page.next().getAsLong() : null);
    }

    private StatisticsView statistics(ApiCall call) {
        Optional<Instant> from = call.queryParam("from").map(text -> time("from", text));
        Optional<Instant> to = call.queryParam("to").map(text -> time("to", text));
        RemovalStatistics.Scope scope = call.queryParam("scope").map(s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> RemovalStatistics.Scope.ALL;
            case "readable" -> RemovalStatistics.Scope.READABLE;
            default -> throw ApiProblem.validation("Query parameter 'scope' must be all or readable, not '" + s + "'.");
        }).orElse(RemovalStatistics.Scope.ALL);
        return StatisticsView.of(reports.statistics(principal(call), from, to, scope));
    }

    private ReportView assess(ApiCall call) throws IOException {
        AssessmentBody body = call.body(AssessmentBody.class);
        if (body.illegal() == null) throw ApiProblem.validation("illegal: required (true or false).");
        ReportVerdict verdict;
        if (body.illegal()) {
            if (body.reason() != null) throw ApiProblem.validation("reason: only for a report that is not illegal (use 'note' for a remark).");
            verdict = new ReportVerdict.Illegal(body.category(), Optional.ofNullable(body.note()));
        } else {
            if (body.category() != null) throw ApiProblem.validation("category: only for an illegal report.");
            if (body.note() != null) throw ApiProblem.validation("note: only for an illegal report (a report that is not illegal has a 'reason').");
            verdict = new ReportVerdict.NotIllegal(body.reason());
        }
        return ReportView.of(reports.assess(principal(call), Params.id(call, "id"), verdict));
    }

    private ReportView takedown(ApiCall call) throws IOException {
        TakedownBody body = call.body(TakedownBody.class);
        if (body.step() == null) throw ApiProblem.validation("step: required (NOTICE_SENT, REMOVED or REMOVAL_CONFIRMED).");
        return ReportView.of(reports.takedown(principal(call), Params.id(call, "id"), body.step(), Optional.ofNullable(body.at())));
    }

    /** An illegal report transition is a 409 problem naming both states. */
    private static ApiHandler guarded(ApiHandler handler) {
        return call -> {
            try {
                return handler.handle(call);
            } catch (ReportTransitionException e) {
                throw ApiProblem.conflict(e.getMessage());
            }
        };
    }

    private static Principal principal(ApiCall call) {
        return call.principal(Principal.class);
    }

    /** An ISO-8601 instant ({@code 2026-03-01T00:00:00Z}) or date ({@code 2026-03-01}, its start in UTC). */
    private static Instant time(String name, String text) {
        String value = text.strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation("Query parameter '" + name + "' must be an ISO-8601 time or date (e.g. 2026-03-01), not '" + text + "'.");
        }
    }
}
