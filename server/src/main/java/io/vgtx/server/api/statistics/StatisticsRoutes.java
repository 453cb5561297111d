package io.vgtx.server.api.statistics;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.statistics.MatchDays;
import io.vgtx.server.api.statistics.StatisticsViews.EntryStatistics;
import io.vgtx.server.api.statistics.StatisticsViews.MatchDayItem;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.http.Params;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;

import java.util.List;

/**
 * The dashboard's aggregates: the entries you may see counted, and your own organisation's lookups per day. Counts
 * only: they name no entry and no hash, so reading them is not audited.
 */
public final class StatisticsRoutes implements ApiRoutes {
    private static final int DEFAULT_DAYS = 30;

    private final SharedBanks banks;
    private final MatchDays matchDays;

    public StatisticsRoutes(NodeServices services) {
        this.banks = services.banks();
        this.matchDays = services.matchDays();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/statistics/entries").summary("Active entries you may see, by category, distribution and hash type")
                        .tag("statistics")
                        .description("Over every bank, your own included, under the same rules as reading the entries: GREEN for every "
                                + "active organisation, AMBER for law enforcement, RED for the owner and the bank's named recipients. "
                                + "`category` is null for entries without one. Counts only; not audited.")
                        .returns(EntryStatistics.class)
                        .handle(call -> EntryStatistics.of(banks.entryCounts(principal(call)))),
                ApiRoute.get("/api/v1/statistics/matches").summary("Your organisation's lookups per day (UTC)").tag("statistics")
                        .description("Hashes and images your organisation looked up each day, and how many had a match you may see or "
                                + "only a hit/no-hit answer; never another organisation's. Counted in the background: the last second's "
                                + "requests may not be in yet.")
                        .query("days", "How many days, today included: 1.." + MatchDays.MAX_DAYS + " (default " + DEFAULT_DAYS + ").")
                        .returns(StatisticsViews.MatchDays.class)
                        .handle(this::matches));
    }

    private StatisticsViews.MatchDays matches(ApiCall call) {
        long days = Params.query(call, "days", DEFAULT_DAYS, 1);
        if (days > MatchDays.MAX_DAYS)
            throw ApiProblem.validation("Query parameter 'days' must be 1.." + MatchDays.MAX_DAYS + ", not " + days + ".");
        Principal principal = principal(call);
        return new StatisticsViews.MatchDays(principal.organisationName(),
                matchDays.days(principal, (int) days).stream().map(MatchDayItem::of).toList());
    }

    private static Principal principal(ApiCall call) {
        return call.principal(Principal.class);
    }
}
