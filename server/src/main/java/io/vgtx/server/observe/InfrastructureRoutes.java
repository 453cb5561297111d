package io.vgtx.server.observe;

import io.vgtx.core.store.Database;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/** {@code GET /health}, {@code GET /metrics} and {@code GET /openapi.json}: public, outside {@code /api/v1}. */
public final class InfrastructureRoutes implements ApiRoutes {
    public static final String TAG = "infrastructure";
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(InfrastructureRoutes.class);

    private final Database database;
    private final ServerMetrics metrics;
    private final Supplier<String> openApiJson;

    public InfrastructureRoutes(Database database, ServerMetrics metrics, Supplier<String> openApiJson) {
        this.database = database;
        this.metrics = metrics;
        this.openApiJson = openApiJson;
    }

    /** The health answer; {@code UP} or {@code DOWN}. */
    public record Health(String status, String database) {
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/health").publicAccess().tag(TAG)
                        .summary("Is the node up, and can it reach its database?")
                        .returns(Health.class)
                        .alsoReturns(503, "The database cannot be reached", Health.class)
                        .handle(_ -> health()),
                ApiRoute.get("/metrics").publicAccess().tag(TAG)
                        .summary("Metrics in the Prometheus text format")
                        .returnsText(PROMETHEUS_TEXT, "Prometheus text exposition")
                        .handle(_ -> ApiResponse.text(200, PROMETHEUS_TEXT, metrics.scrape())),
                ApiRoute.get("/openapi.json").publicAccess().tag(TAG)
                        .summary("This API's OpenAPI 3.1 description")
                        .returnsText(ApiResponse.JSON, "The OpenAPI document")
                        .handle(_ -> ApiResponse.text(200, ApiResponse.JSON, openApiJson.get())));
    }

    private ApiResponse health() {
        boolean up;
        try {
            up = database.jdbi().withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getClass().getName()).log("health check: database unreachable");
            up = false;
        }
        return up ? ApiResponse.json(200, new Health("UP", "UP")) : ApiResponse.json(503, new Health("DOWN", "DOWN"));
    }
}
