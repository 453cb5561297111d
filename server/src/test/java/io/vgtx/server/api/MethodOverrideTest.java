package io.vgtx.server.api;

import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is routed by its own method: no header or query parameter turns a GET or HEAD into a write. (Javalin read
 * {@code X-HTTP-Method-Override}: a GET with it created banks and revoked tokens, and a GET needs no CSRF token.)
 */
class MethodOverrideTest {
    private static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @TempDir
    Path tempDir;
    LiveNode node;
    Organisation police;
    String admin;
    String analyst;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        node = new LiveNode(Backend.SQLITE, tempDir);
        police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        admin = node.taskforce.token(police, Role.ADMIN);
        analyst = node.taskforce.token(police, Role.ANALYST);
    }

    @AfterEach
    void stop() {
        node.close();
        http.close();
    }

    @Test
    void aGetOrHeadWithAnOverrideHeaderToAPostOnlyRouteCreatesNothing() throws Exception {
        for (String method : List.of("GET", "HEAD")) {
            for (String header : HEADERS) {
                HttpResponse<String> reply = send(method, "/api/v1/banks", analyst, header, "POST",
                        "{\"name\":\"override-" + method + header + "\",\"distribution\":\"GREEN\"}");
                assertThat(reply.statusCode()).as("%s with %s", method, header).isEqualTo(200);
            }
        }
        assertThat(node.get(analyst, "/api/v1/banks").body()).doesNotContain("override-");
    }

    @Test
    void aMethodQueryParameterIsNotAnOverrideEither() throws Exception {
        HttpResponse<String> reply = send("GET", "/api/v1/banks?_method=POST", analyst, null, null,
                "{\"name\":\"override-query\",\"distribution\":\"GREEN\"}");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(node.get(analyst, "/api/v1/banks").body()).doesNotContain("override-query");
    }

    @Test
    void aGetWithADeleteOverrideDoesNotRevokeAToken() throws Exception {
        LiveNode.Reply issued = node.post(admin, "/api/v1/organisations/" + police.id() + "/tokens", "{\"role\":\"VIEWER\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String viewer = issued.json().get("token").asText();
        long id = issued.json().get("id").asLong();
        for (String header : HEADERS) {
            HttpResponse<String> reply = send("GET", "/api/v1/tokens/" + id, admin, header, "DELETE", null);
            assertThat(reply.statusCode()).as(header).isBetween(400, 499);
            assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(node.get(viewer, "/api/v1/banks").status()).as("the token still works").isEqualTo(200);
    }

    @Test
    void aPostWithAGetOverrideIsStillThePost() throws Exception {
        // The other direction: the header is dropped, not obeyed in reverse.
        HttpResponse<String> reply = send("POST", "/api/v1/banks", analyst, "X-HTTP-Method-Override", "GET",
                "{\"name\":\"posted\",\"distribution\":\"GREEN\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(String method, String path, String token, String header, String value, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.server.uri() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (header != null) request.header(header, value);
        if (body != null) request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
