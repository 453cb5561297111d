package io.vgtx.cli.serve;

import io.vgtx.cli.CliRun;
import io.vgtx.cli.Main;
import io.vgtx.server.NodeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpServer;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.net.AddressRange;
import io.vgtx.core.webhook.WebhookSettings;
import io.vgtx.core.webhook.Webhooks;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void serveIsAVgtxSubcommand() {
        CliRun run = CliRun.of("serve", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port").contains("--host").contains("--data-dir").contains("--db");
    }

    @Test
    void servesHealthOnTheDataDirectorysDatabaseAndSaysWhere() throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--port", "0", "--data-dir", dataDir.toString());
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        serve.spec.commandLine().setOut(new PrintWriter(out, true));
        try (NodeServer server = serve.start(); HttpClient client = HttpClient.newHttpClient()) {
            assertThat(out.toString().strip()).isEqualTo("VGT Exchange node listening on http://127.0.0.1:" + server.port());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\":\"UP\"");
        }
        assertThat(Files.exists(dataDir.resolve("vgtx.db"))).isTrue();
    }

    @Test
    void theReportFallbackReachesTheNodeAndAMissingOneIsNoted() throws Exception {
        CliRun init = CliRun.of("admin", "init", "--org", "NL Police", "--country", "NL", "--data-dir", dataDir.toString());
        assertThat(init.exitCode()).isZero();
        String admin = init.out().strip();
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--port", "0", "--data-dir", dataDir.toString(), "--report-fallback", "INTERPOL");
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        serve.spec.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        try (NodeServer server = serve.start(); HttpClient client = HttpClient.newHttpClient()) {
            assertThat(err.toString()).contains("--report-fallback 'INTERPOL' is not an organisation of this node yet");
            String base = "http://127.0.0.1:" + server.port() + "/api/v1/reports";
            HttpResponse<String> made = client.send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://x.example/1\",\"source\":\"PUBLIC\",\"hostingCountry\":\"FR\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            String id = made.body().replaceAll("^\\{\"id\":(\\d+),.*$", "$1");
            HttpResponse<String> assessed = client.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/assessment"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"illegal\":true,\"category\":\"A\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(assessed.body()).contains("\"state\":\"ASSESSED\"").contains("the fallback organisation 'INTERPOL' is not an ACTIVE organisation");
        }
    }

    @Test
    void theNodeSendsWebhookDeliveriesThatWerePendingBeforeItStarted() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> received = new CopyOnWriteArrayList<>();
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            InstantSource clock = InstantSource.system();
            try (Database db = Database.open(DatabaseConfig.dataDirectory(dataDir))) {
                Organisation operator = new Organisations(db, clock).initOperator("Operator Police", "NL");
                Tokens tokens = new Tokens(db, clock);
                Principal admin = tokens.authenticate(tokens.issue(operator.id(), Role.ADMIN, Optional.empty(), "admin").secret()).orElseThrow();
                new Webhooks(db, clock, new AuditLog(db, clock), WebhookSettings.defaults().allowing(AddressRange.parse("127.0.0.0/8"))).register(admin,
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", Optional.empty(), Optional.empty());
                new Notifications(db, clock).notify(operator.name(), NotificationKind.MATCH_HIT, "entry:1", Map.of("asker", "Someone"));
            }

            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(new StringWriter(), true));
            CommandLine.ParseResult parsed = cli.parseArgs("serve", "--port", "0", "--data-dir", dataDir.toString(), "--webhook-attempts", "3",
                    "--webhook-allow", "127.0.0.0/8");
            ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
            serve.spec.commandLine().setOut(new PrintWriter(new StringWriter(), true));
            try (NodeServer ignored = serve.start()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            }
            assertThat(received).singleElement().satisfies(body -> assertThat(body).contains("\"kind\":\"MATCH_HIT\""));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aDisputeThresholdOutsideOneToAHundredIsAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dataDir.toString(), "--dispute-threshold", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--dispute-threshold must be 1..100");
    }

    @Test
    void hiddenAnswersPerDayOutsideOneToSixtyFourIsAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dataDir.toString(), "--hidden-answers-per-day", "65");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--hidden-answers-per-day must be 1..64");
    }

    @Test
    void hiddenAnswersPerDayRationsTheServedNodesHitsAndItsCountsAreWrittenWhenItStops() throws Exception {
        CliRun init = CliRun.of("admin", "init", "--org", "NL Police", "--country", "NL", "--data-dir", dataDir.toString());
        assertThat(init.exitCode()).isZero();
        String admin = init.out().strip();
        String board = init.err().lines().filter(l -> l.contains("vgtx_")).map(l -> l.replaceAll("^.*(vgtx_\\S+).*$", "$1")).findFirst().orElseThrow();
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--port", "0", "--data-dir", dataDir.toString(), "--hidden-answers-per-day", "1");
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        serve.spec.commandLine().setOut(new PrintWriter(new StringWriter(), true));
        String hidden = "3c".repeat(32);
        try (NodeServer server = serve.start(); HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port() + "/api/v1";
            post(client, base + "/banks", admin, "{\"name\":\"amber\",\"distribution\":\"AMBER\"}");
            post(client, base + "/banks/1/entries", admin, "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + hidden + "\"}]}");
            post(client, base + "/organisations", null, "{\"name\":\"DE Hotline\",\"kind\":\"HOTLINE\",\"country\":\"DE\"}");
            post(client, base + "/organisations/2/votes", board, "{\"approve\":true}");
            post(client, base + "/organisations/2/agreement", admin, "{\"version\":\"2026-1\",\"signatory\":\"Jane Doe\"}");
            // The node issues the hotline its first ADMIN only; the hotline's ADMIN issues its analysts.
            String hotlineAdmin = token(post(client, base + "/organisations/2/tokens", admin, "{\"role\":\"ADMIN\"}"));
            String hotline = token(post(client, base + "/organisations/2/tokens", hotlineAdmin, "{\"role\":\"ANALYST\"}"));

            String first = post(client, base + "/match", hotline, "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + "3d" + hidden.substring(2) + "\"}]}");
            String second = post(client, base + "/match", hotline, "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + "3e" + hidden.substring(2) + "\"}]}");
            assertThat(first).contains("\"organisation\":\"NL Police\"");
            assertThat(second).as("the second hash near the entry today is past a quota of 1").contains("\"hits\":[]");
        }
        try (Database db = Database.open(DatabaseConfig.dataDirectory(dataDir))) {
            List<Long> counted = db.read(h -> h.createQuery("SELECT near_queries FROM hidden_answer_days").mapTo(Long.class).list());
            assertThat(counted).as("written by the background writer, the last time as the node stopped").containsExactly(2L);
        }
    }

    private static String token(String issued) {
        return issued.replaceAll("^.*\"token\":\"([^\"]+)\".*$", "$1");
    }

    private static String post(HttpClient client, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isBetween(200, 201);
        return response.body();
    }

    @Test
    void webhookAttemptsOutsideOneToAHundredAreAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dataDir.toString(), "--webhook-attempts", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--webhook-attempts");
    }

    @Test
    void anAddressRangeThatIsNoneIsAUsageErrorNamingTheOption() {
        for (String option : java.util.List.of("--webhook-allow", "--trusted-proxy")) {
            for (String value : java.util.List.of("localhost", "10.0.0.0/33", "proxy.example.org/24")) {
                CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dataDir.toString(), option, value);
                assertThat(run.exitCode()).as(option + " " + value).isEqualTo(2);
                assertThat(run.err()).contains(option).contains(value);
            }
        }
    }
}
