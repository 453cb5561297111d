package io.vgtx.server;

import io.vgtx.server.node.NodeServices;
import io.vgtx.server.api.bank.AuditRoutes;
import io.vgtx.server.api.bank.BankRoutes;
import io.vgtx.server.api.bank.FeedRoutes;
import io.vgtx.server.api.bank.ImportRoutes;
import io.vgtx.server.api.bank.MatchRoutes;
import io.vgtx.server.api.casework.CaseRoutes;
import io.vgtx.server.api.casework.SeriesRoutes;
import io.vgtx.server.api.org.OrganisationRoutes;
import io.vgtx.server.api.report.ReportRoutes;
import io.vgtx.server.api.statistics.StatisticsRoutes;
import io.vgtx.server.api.webhook.WebhookRoutes;
import io.vgtx.server.api.user.UserRoutes;
import io.vgtx.server.console.ConsoleRoutes;
import io.micrometer.core.instrument.FunctionCounter;
import io.vgtx.core.reliance.MatchLedger;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.observe.ServerMetrics;

import java.util.List;

/**
 * The domain's route groups of a production node ({@code /api/v1/…}), in one place so that {@code vgtx serve}
 * and the test that checks every route is documented see the same set. Add a group here when it is ready:
 * <pre>{@code
 * return List.of(new BankRoutes(services), new OrganisationRoutes(services));
 * }</pre>
 * The infrastructure routes (health, metrics, OpenAPI) are added by {@link NodeServer} itself.
 */
public final class NodeApi {
    private NodeApi() {
    }

    /** The node's own metrics next to the HTTP ones: index size per hash type, hashes looked up and matched. */
    public static void registerMetrics(ServerMetrics metrics, NodeServices services) {
        for (String type : List.of("MD5", "SHA1", "SHA256", "PDQ")) {
            metrics.gauge("vgtx.index.entries", "Active entries in the match index", () -> services.matching().index().sizes().get(type), "type", type);
        }
        FunctionCounter.builder("vgtx.match.hashes", services.matching(), SharedMatching::queriedHashes)
                .description("Hashes and images looked up").register(metrics.registry());
        FunctionCounter.builder("vgtx.match.hashes.matched", services.matching(), SharedMatching::matchedHashes)
                .description("Looked-up hashes and images with at least one match or hit").register(metrics.registry());
        MatchLedger ledger = services.reliance().ledger();
        metrics.gauge("vgtx.match.ledger.pending", "Who-matched-which-entry records waiting for the background writer", ledger::pending);
        FunctionCounter.builder("vgtx.match.ledger.written", ledger, MatchLedger::written)
                .description("Who-matched-which-entry records written").register(metrics.registry());
        FunctionCounter.builder("vgtx.match.ledger.dropped", ledger, MatchLedger::dropped)
                .description("Who-matched-which-entry records dropped while the database could not be written").register(metrics.registry());
        metrics.gauge("vgtx.match.days.pending", "Organisation-days of match counts waiting for the background writer", services.matchDays()::pending);
    }

    public static List<ApiRoutes> routes(NodeServices services) {
        return List.of(
                new OrganisationRoutes(services),
                new BankRoutes(services),
                new ImportRoutes(services),
                new MatchRoutes(services),
                new FeedRoutes(services),
                new AuditRoutes(services),
                new CaseRoutes(services),
                new SeriesRoutes(services),
                new ReportRoutes(services),
                new StatisticsRoutes(services),
                new WebhookRoutes(services),
                new UserRoutes(services),
                new ConsoleRoutes(services));
    }
}
