package io.vgtx.server.api;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.store.Backend;
import io.vgtx.server.ServerConfig;
import io.vgtx.server.auth.AuthFailurePolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the JSON bodies of every route the OpenAPI document lists, against one live
 * node (SQLite) per JVM: the fuzzer picks the route, the caller (tokens of six roles, or none), the path's ids and the
 * body, and learns from the node's code it reaches. {@link ApiFuzzTest} is the fixed-seed twin in the default build;
 * this one replays its corpus there and fuzzes for real under {@code scripts/fuzz.sh}.
 *
 * <p>A finding: a 5xx, an error that is not {@code application/problem+json}, or a 4xx after which the node's
 * writes moved on (every write appends to the audit chain, an entry write to the change log too).
 */
class JsonBodyFuzzTest {
    private static final Node NODE = new Node();

    @FuzzTest
    void jsonBodies(FuzzedDataProvider data) {
        // Jazzer's SSRF detector stays on for every other connection (a webhook the fuzzer registered, say): only
        // this test's own requests to the node are expected.
        try (SilentCloseable ownRequests = BugDetectors.allowNetworkConnections(
                (host, port) -> port == NODE.live.server.port() && (host.equals("localhost") || host.equals("127.0.0.1")))) {
            request(data);
        }
    }

    private static void request(FuzzedDataProvider data) {
        Operation operation = data.pickValue(NODE.operations);
        String token = data.pickValue(NODE.tokens);
        String id = data.consumeBoolean() ? String.valueOf(data.consumeInt(0, 5))
                : URLEncoder.encode(data.consumeString(12), StandardCharsets.UTF_8);
        String path = operation.path().replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(id));
        String body = data.consumeRemainingAsString();
        long writesBefore = NODE.writes();
        HttpResponse<String> response = NODE.send(operation.method(), path, token.isEmpty() ? null : token, body);
        int status = response.statusCode();
        String what = operation.method() + " " + path + " → " + status + " " + response.body();
        if (status >= 500) throw new AssertionError("5xx: " + what);
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"))
            throw new AssertionError("an error that is not a problem: " + what);
        if (status >= 400 && NODE.writes() != writesBefore) throw new AssertionError("a 4xx wrote: " + what);
    }

    record Operation(String method, String path) {}

    /** One node for the whole fuzzing run, with members, tokens and something for the ids to find. */
    private static final class Node {
        final LiveNode live;
        final List<String> tokens = new ArrayList<>();
        final List<Operation> operations = new ArrayList<>();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Node() {
            try {
                // A token the fuzzer revoked is a rejected token from then on: its failures must not lock the loopback out.
                live = new LiveNode(Backend.SQLITE, Files.createTempDirectory("vgtx-fuzz-node"), ReportSettings.none(),
                        ServerConfig.defaults().withAuthFailures(new AuthFailurePolicy(Integer.MAX_VALUE, Duration.ofMinutes(1),
                                Duration.ofMinutes(1), 1000)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Organisation police = live.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
            Organisation hotline = live.taskforce.active("Hotline", OrganisationKind.HOTLINE);
            tokens.addAll(List.of("", live.taskforce.token(live.taskforce.operator, Role.ADMIN),
                    live.taskforce.token(live.taskforce.operator, Role.BOARD), live.taskforce.token(police, Role.ANALYST),
                    live.taskforce.token(police, Role.VIEWER), live.taskforce.token(hotline, Role.ADMIN),
                    live.taskforce.token(hotline, Role.ANALYST)));
            List<String> analysts = List.of(tokens.get(3), tokens.get(6));
            for (int i = 0; i < analysts.size(); i++) {
                String analyst = analysts.get(i);
                LiveNode.Reply bank = live.post(analyst, "/api/v1/banks", "{\"name\":\"bank " + i + "\",\"distribution\":\"GREEN\"}");
                live.post(analyst, "/api/v1/banks/" + bank.json().get("id").asLong() + "/entries",
                        "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + "0123456789abcdef".repeat(2) + "\"}]}");
            }
            JsonNode paths = live.get(null, "/openapi.json").json().get("paths");
            paths.properties().forEach(p -> p.getValue().properties().forEach(m -> operations.add(new Operation(m.getKey().toUpperCase(), p.getKey()))));
            Runtime.getRuntime().addShutdownHook(new Thread(live::close));
        }

        long writes() {
            return live.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM change_log)").mapTo(Long.class).one());
        }

        HttpResponse<String> send(String method, String path, String token, String body) {
            HttpRequest.Builder request;
            try {
                request = HttpRequest.newBuilder(URI.create(live.server.uri() + path)).timeout(Duration.ofSeconds(20));
            } catch (IllegalArgumentException notAUri) {
                request = HttpRequest.newBuilder(URI.create(live.server.uri() + "/api/v1/x")).timeout(Duration.ofSeconds(20));
            }
            if (token != null) request.header("Authorization", "Bearer " + token);
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("no answer to " + method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
