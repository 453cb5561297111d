package io.vgtx.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureRoutesTest {
    @TempDir
    Path dataDir;

    @Test
    void healthIsUpWithTheDatabase() {
        try (TestServer node = new TestServer(dataDir)) {
            HttpResponse<String> response = node.get("/health");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode health = TestServer.json(response);
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("database").asText()).isEqualTo("UP");
        }
    }

    @Test
    void healthIs503WhenTheDatabaseIsDown() {
        try (TestServer node = new TestServer(dataDir)) {
            node.database.close();
            HttpResponse<String> response = node.get("/health");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(response).path("database").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatusNotByRawPath() {
        try (TestServer node = new TestServer(dataDir)) {
            node.get("/health");
            node.getWithToken("/api/v1/test/banks/ncmec-secret-name", TestServer.GOOD_TOKEN);
            node.get("/no/such/path");

            HttpResponse<String> response = node.get("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            String metrics = response.body();
            assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")))
                    .anySatisfy(l -> assertThat(l).contains("method=\"GET\"").contains("route=\"/health\"").contains("status=\"200\""))
                    .anySatisfy(l -> assertThat(l).contains("route=\"/api/v1/test/banks/{name}\"").contains("status=\"404\""))
                    .anySatisfy(l -> assertThat(l).contains("route=\"UNMATCHED\"").contains("status=\"404\""));
            assertThat(metrics).contains("http_server_requests_seconds_bucket").doesNotContain("ncmec-secret-name").doesNotContain("/no/such/path");
        }
    }

    @Test
    void theDomainCanRegisterItsOwnGaugesAndCounters() {
        try (TestServer node = new TestServer(dataDir)) {
            node.server.metrics().gauge("vgtx.index.entries", "Hashes in the match index", () -> 42);
            node.server.metrics().counter("vgtx.matches", "Matches found", "type", "PDQ").increment(3);
            String metrics = node.get("/metrics").body();
            assertThat(metrics).contains("vgtx_index_entries 42.0").contains("vgtx_matches_total{type=\"PDQ\"} 3.0");
        }
    }

    @Test
    void everyResponseCarriesARequestId() {
        try (TestServer node = new TestServer(dataDir)) {
            assertThat(node.get("/health").headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        }
    }
}
