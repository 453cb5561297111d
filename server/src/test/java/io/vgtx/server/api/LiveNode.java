package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.webhook.TestDns;
import io.vgtx.core.webhook.WebhookSettings;
import io.vgtx.server.MutableClock;
import io.vgtx.server.NodeApi;
import io.vgtx.server.NodeServer;
import io.vgtx.server.ServerConfig;
import io.vgtx.server.node.NodeServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real node on a free port over a fresh database of either backend, its organisations made through the
 * core {@link Taskforce} fixture, and an HTTP client that speaks to it with bearer tokens.
 */
final class LiveNode implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock();
    final Database database;
    final Taskforce taskforce;
    final NodeServer server;
    /** The node's services, e.g. to run due webhook deliveries now instead of waiting for a worker. */
    final NodeServices services;
    /** What webhook host names resolve to; a test may change it between registration and delivery. */
    final TestDns dns = new TestDns();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LiveNode(Backend backend, Path tempDir) {
        this(backend, tempDir, ReportSettings.none());
    }

    LiveNode(Backend backend, Path tempDir, ReportSettings reportSettings) {
        this(backend, tempDir, reportSettings, ServerConfig.defaults());
    }

    /** With {@code config}'s limits (its port and shutdown timeout are a test's). */
    LiveNode(Backend backend, Path tempDir, ReportSettings reportSettings, ServerConfig config) {
        database = Database.open(backend.newDatabase(tempDir));
        taskforce = new Taskforce(database, clock);
        // Webhooks: names resolved by the test's own DNS (no lookups leave the machine), the loopback receivers allowed,
        // as an operator would with vgtx serve --webhook-allow 127.0.0.0/8.
        services = NodeServices.open(database, clock, Optional.empty(), reportSettings)
                .withWebhookSettings(dns.settings(WebhookSettings.defaults()));
        server = NodeServer.builder(database)
                .config(config.withPort(0).withShutdownTimeout(Duration.ofSeconds(5)))
                .authenticator(services.authenticator())
                .sessions(services.sessionAuthenticator())
                .staticSite("/console")
                .routes(NodeApi.routes(services))
                .clock(clock)
                .background(services.webhookDelivery())
                .background(services.reliance().start())
                .background(services.matchDays().start())
                // Not started: each request writes its own hit notifications, as the tests that read them at once expect;
                // a test of the node as it runs starts it (services.matching().hiddenAnswers().start()).
                .background(services.matching().hiddenAnswers())
                .version("test")
                .start();
        NodeApi.registerMetrics(server.metrics(), services);
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Reply get(String token, String path) {
        return send(request(token, path).GET());
    }

    Reply post(String token, String path, String json) {
        return send(request(token, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Posts with {@code Expect: 100-continue}, as a well-behaved client sends a large body: a node that refuses it
     * by its Content-Length answers before the body is sent, instead of closing the connection under the upload.
     */
    Reply postLarge(String token, String path, String json) {
        return send(request(token, path).expectContinue(true).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postBytes(String token, String path, String contentType, byte[] body) {
        return send(request(token, path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The body from a stream: sent chunked, without a Content-Length, as a client streaming a file of unknown size would. */
    Reply postStream(String token, String path, String contentType, byte[] body) {
        return send(request(token, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    /** The body with {@code Expect: 100-continue}, as {@link #postLarge} but of any type. */
    Reply postBytesLarge(String token, String path, String contentType, byte[] body) {
        return send(request(token, path).expectContinue(true).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply put(String token, String path, String json) {
        return send(request(token, path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(String method, String token, String path) {
        return send(request(token, path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method with a JSON body (a fuzzer's PUT, a DELETE with a body …). */
    Reply send(String method, String token, String path, String json) {
        return send(request(token, path).header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
