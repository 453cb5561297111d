package io.vgtx.server;

import io.vgtx.server.node.NodeServices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.server.auth.AuthFailurePolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A real server on a free port over a fresh SQLite database, with the test routes, and a client for it. */
final class TestServer implements AutoCloseable {
    static final String GOOD_TOKEN = "good-token";
    static final ObjectMapper JSON = new ObjectMapper();

    final TestRoutes routes = new TestRoutes();
    final MutableClock clock = new MutableClock();
    final Database database;
    final NodeServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Path dataDir) {
        this(dataDir, ServerConfig.defaults());
    }

    TestServer(Path dataDir, ServerConfig config) {
        database = Database.open(DatabaseConfig.dataDirectory(dataDir));
        server = NodeServer.builder(database)
                .config(config.withPort(0).withShutdownTimeout(Duration.ofSeconds(5))
                        .withAuthFailures(new AuthFailurePolicy(10, Duration.ofMinutes(1), Duration.ofMinutes(1), 1000)))
                .authenticator(token -> GOOD_TOKEN.equals(token)
                        ? Optional.of(new TestRoutes.TestPrincipal("analyst@nca")) : Optional.empty())
                .routes(NodeApi.routes(NodeServices.open(database, clock)))
                .routes(routes)
                .clock(clock)
                .version("test")
                .start();
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> getWithToken(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(request(path).header("Authorization", "Bearer " + GOOD_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
