package io.vgtx.server;

import io.vgtx.server.node.NodeServices;
import io.vgtx.server.api.bank.AuditRoutes;
import io.vgtx.server.api.bank.BankRoutes;
import io.vgtx.server.api.bank.FeedRoutes;
import io.vgtx.server.api.bank.MatchRoutes;
import io.vgtx.server.api.org.OrganisationRoutes;
import io.vgtx.server.http.ApiRoutes;

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

    public static List<ApiRoutes> routes(NodeServices services) {
        return List.of(
                new OrganisationRoutes(services),
                new BankRoutes(services),
                new MatchRoutes(services),
                new FeedRoutes(services),
                new AuditRoutes(services));
    }
}
