package io.vgtx.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The document at /openapi.json describes every route the web server has, production routes included. */
class OpenApiCompletenessTest {
    @TempDir
    Path dataDir;

    @Test
    void everyRegisteredRouteIsInTheOpenApiDocument() {
        try (TestServer node = new TestServer(dataDir)) {
            HttpResponse<String> response = node.get("/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode doc = TestServer.json(response);
            assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");

            List<String> registered = node.server.registeredEndpoints();
            assertThat(registered).contains("GET /health", "GET /metrics", "GET /openapi.json", "POST /api/v1/test/echo");
            for (String endpoint : registered) {
                String[] methodAndPath = endpoint.split(" ", 2);
                JsonNode operation = doc.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
                assertThat(operation.isObject()).as("%s is in /openapi.json", endpoint).isTrue();
                assertThat(operation.path("summary").asText()).as("%s has a summary", endpoint).isNotBlank();
                assertThat(operation.path("responses").path("500").isObject()).as("%s documents 500", endpoint).isTrue();
            }
            // and nothing documented that is not served
            doc.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method ->
                    assertThat(registered).contains(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        }
    }

    @Test
    void requestAndResponseSchemasComeFromTheRecords() {
        try (TestServer node = new TestServer(dataDir)) {
            JsonNode doc = TestServer.json(node.get("/openapi.json"));
            JsonNode echo = doc.path("paths").path("/api/v1/test/echo").path("post");
            assertThat(echo.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                    .isEqualTo("#/components/schemas/Echo");
            assertThat(echo.path("responses").path("201").isObject()).isTrue();
            assertThat(echo.path("responses").path("401").path("content").has("application/problem+json")).isTrue();
            assertThat(echo.path("security").get(0).has("bearer")).isTrue();
            JsonNode echoSchema = doc.path("components").path("schemas").path("Echo").path("properties");
            assertThat(echoSchema.has("name")).isTrue();
            assertThat(echoSchema.has("count")).isTrue();
            assertThat(echoSchema.path("colour").toString()).contains("AMBER");
            assertThat(doc.path("components").path("schemas").has("ProblemDetails")).isTrue();
            JsonNode health = doc.path("paths").path("/health").path("get");
            assertThat(health.path("security").isArray() && health.path("security").isEmpty()).isTrue();
            assertThat(health.path("responses").has("503")).isTrue();
            JsonNode bank = doc.path("paths").path("/api/v1/test/banks/{name}").path("get");
            assertThat(bank.path("parameters").get(0).path("name").asText()).isEqualTo("name");
            assertThat(bank.path("parameters").get(0).path("in").asText()).isEqualTo("path");
        }
    }
}
