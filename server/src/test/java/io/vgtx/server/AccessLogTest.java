package io.vgtx.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.server.observe.ServerLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With the server's logging, every line is one JSON object, one per request, and holds no secret. */
class AccessLogTest {
    @TempDir
    Path dataDir;

    @Test
    void oneJsonLinePerRequestWithTheRouteTemplateAndNoTokenQueryOrBody() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ServerLogging.useJsonLogs();
            try (TestServer node = new TestServer(dataDir)) {
                node.send(node.request("/api/v1/test/banks/victim-series-x?token=query-secret")
                        .header("Authorization", "Bearer " + TestServer.GOOD_TOKEN).GET().build());
                node.send(node.request("/api/v1/test/echo").header("Authorization", "Bearer header-secret")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"body-secret\",\"count\":1,\"colour\":\"RED\"}")).build());
                node.getWithToken("/api/v1/test/boom", TestServer.GOOD_TOKEN);
            }
        } finally {
            System.setErr(originalErr);
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = log.lines().map(line -> {
            try {
                return TestServer.JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
        List<JsonNode> access = lines.stream().filter(l -> l.path("loggerName").asText().equals("io.vgtx.server.access")).toList();
        assertThat(access).hasSize(3);
        assertThat(access.getFirst().toString())
                .contains("/api/v1/test/banks/{name}").contains("requestId").contains("durationMs").contains("404");
        assertThat(log).doesNotContain("query-secret").doesNotContain("header-secret").doesNotContain("body-secret")
                .doesNotContain(TestServer.GOOD_TOKEN).doesNotContain("victim-series-x");
        // the 500 is logged with its stack trace, under the request id the client was given
        assertThat(lines).anySatisfy(l -> assertThat(l.path("level").asText()).isEqualTo("ERROR"));
    }
}
