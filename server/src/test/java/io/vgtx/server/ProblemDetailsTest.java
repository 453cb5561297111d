package io.vgtx.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is an RFC 9457 problem with a stable type URI, and none leaks internals. */
class ProblemDetailsTest {
    @TempDir
    static Path dataDir;
    static TestServer node;

    @BeforeAll
    static void start() {
        node = new TestServer(dataDir, ServerConfig.defaults().withMaxRequestBytes(1024));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = TestServer.json(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://vgtx.io/problems/" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(problem.path("instance").asText()).isEqualTo("urn:uuid:" + requestId);
        return problem;
    }

    @Test
    void aValidBodyIsEchoedWithTheSuccessStatus() {
        HttpResponse<String> response = node.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":2,\"colour\":\"AMBER\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(TestServer.json(response).path("colour").asText()).isEqualTo("AMBER");
    }

    @Test
    void malformedJsonIsA400NamingTheLine() {
        JsonNode problem = assertProblem(node.postJson("/api/v1/test/echo", "{\n\"name\": \"a\",\n oops}"), 400, "malformed-json");
        assertThat(problem.path("detail").asText()).contains("line 3");
    }

    @Test
    void aWrongTypeIsA400NamingTheField() {
        JsonNode problem = assertProblem(node.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":\"many\",\"colour\":\"RED\"}"),
                400, "validation");
        assertThat(problem.path("detail").asText()).contains("'count'").contains("integer");
    }

    @Test
    void anUnknownEnumValueIsA400ListingTheAllowedValues() {
        JsonNode problem = assertProblem(node.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":1,\"colour\":\"PURPLE\"}"),
                400, "validation");
        assertThat(problem.path("detail").asText()).contains("'colour'").contains("RED, AMBER, GREEN");
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        JsonNode problem = assertProblem(node.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":1,\"colour\":\"RED\",\"distrib\":1}"),
                400, "validation");
        assertThat(problem.path("detail").asText()).contains("'distrib'");
    }

    @Test
    void anEmptyBodyIsA400() {
        assertProblem(node.postJson("/api/v1/test/echo", ""), 400, "validation");
    }

    @Test
    void validationInTheRecordConstructorIsA400WithItsMessage() {
        JsonNode problem = assertProblem(node.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":-1,\"colour\":\"RED\"}"),
                400, "validation");
        assertThat(problem.path("detail").asText()).isEqualTo("count must not be negative");
    }

    @Test
    void domainIllegalArgumentIsA400() {
        JsonNode problem = assertProblem(node.getWithToken("/api/v1/test/invalid", TestServer.GOOD_TOKEN), 400, "validation");
        assertThat(problem.path("detail").asText()).isEqualTo("PDQ quality must be 0..100");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        assertProblem(node.send(node.request("/api/v1/test/echo").header("Authorization", "Bearer " + TestServer.GOOD_TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 415, "unsupported-media-type");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String big = "{\"name\":\"" + "x".repeat(2000) + "\",\"count\":1,\"colour\":\"RED\"}";
        assertProblem(node.postJson("/api/v1/test/echo", big), 413, "payload-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Too() {
        byte[] big = ("{\"name\":\"" + "x".repeat(2000) + "\",\"count\":1,\"colour\":\"RED\"}").getBytes();
        HttpRequest request = node.request("/api/v1/test/echo").header("Authorization", "Bearer " + TestServer.GOOD_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertProblem(node.send(request), 413, "payload-too-large");
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        assertProblem(node.get("/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(node.get("/nothing/here"), 404, "not-found");
    }

    @Test
    void aDomainNotFoundIsA404WithItsMessage() {
        JsonNode problem = assertProblem(node.getWithToken("/api/v1/test/banks/ncmec", TestServer.GOOD_TOKEN), 404, "not-found");
        assertThat(problem.path("detail").asText()).isEqualTo("no bank named ncmec");
    }

    @Test
    void aDomainAlreadyExistsIsA409() {
        assertProblem(node.postJson("/api/v1/test/banks", "{}"), 409, "conflict");
    }

    @Test
    void aForbiddenProblemFromAHandlerIsA403() {
        assertProblem(node.getWithToken("/api/v1/test/forbidden", TestServer.GOOD_TOKEN), 403, "forbidden");
    }

    @Test
    void anUncaughtExceptionIsA500ThatLeaksNothing() {
        HttpResponse<String> response = node.getWithToken("/api/v1/test/boom", TestServer.GOOD_TOKEN);
        JsonNode problem = assertProblem(response, 500, "internal");
        assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at io.vgtx");
        assertThat(problem.path("detail").asText()).contains(response.headers().firstValue("X-Request-Id").orElseThrow());
    }
}
