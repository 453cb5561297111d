package io.vgtx.server.api;

import io.vgtx.core.auth.Role;
import io.vgtx.core.net.AddressRange;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.store.Backend;
import io.vgtx.server.ServerConfig;
import io.vgtx.server.api.org.OrganisationRoutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address cannot lock everyone out: a node behind a TLS proxy on this machine ({@code --trusted-proxy 127.0.0.0/8}),
 * its members' requests told apart by the proxy's {@code X-Forwarded-For}, as attackers sharing an address with them.
 */
class ClientAddressApiTest {
    @TempDir
    Path tempDir;
    LiveNode node;
    String analyst;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        node = new LiveNode(Backend.SQLITE, tempDir, ReportSettings.none(),
                ServerConfig.defaults().withTrustedProxies(List.of(AddressRange.parse("127.0.0.0/8"))));
        Organisation hotline = node.taskforce.active("DE Hotline", OrganisationKind.HOTLINE);
        analyst = node.taskforce.token(hotline, Role.ANALYST);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private HttpResponse<String> get(String path, String client, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.server.uri().resolve(path)).timeout(Duration.ofSeconds(10));
        if (client != null) request.header("X-Forwarded-For", client);
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (headers.length > 0) request.headers(headers);
        return send(request.GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void guess(String client, String token, int times) {
        for (int i = 0; i < times; i++) assertThat(get("/api/v1/banks", client, token).statusCode()).isEqualTo(401);
    }

    @Test
    void anAddressGuessingTokensIsLimitedForBadTokensButItsValidTokensPass() {
        guess("203.0.113.66", null, 0);
        for (int i = 0; i < 10; i++) assertThat(get("/api/v1/banks", "203.0.113.66", "vgtx_guess-" + i).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/banks", "203.0.113.66", "vgtx_guess-x").statusCode()).isEqualTo(429);
        assertThat(get("/api/v1/banks", "203.0.113.66", analyst).statusCode()).as("a valid token from that address").isEqualTo(200);
        // Another client behind the same proxy is not that address.
        assertThat(get("/api/v1/banks", "198.51.100.20", "vgtx_typo").statusCode()).isEqualTo(401);
        // What a client writes into X-Forwarded-For itself does not make it someone else: the proxy appends the real one.
        assertThat(get("/api/v1/banks", "198.51.100.20, 203.0.113.66", "vgtx_guess-y").statusCode()).isEqualTo(429);
    }

    @Test
    void oneTokenRejectedTooOftenIsLimitedFromEveryAddress() {
        for (int i = 0; i < 10; i++) assertThat(get("/api/v1/banks", "203.0.113." + (i + 1), "vgtx_revoked-but-still-configured").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/banks", "203.0.113.50", "vgtx_revoked-but-still-configured").statusCode()).isEqualTo(429);
        assertThat(get("/api/v1/banks", "203.0.113.50", "vgtx_another").statusCode()).as("the address itself is not limited").isEqualTo(401);
        assertThat(get("/api/v1/banks", "203.0.113.50", analyst).statusCode()).isEqualTo(200);
    }

    @Test
    void aValidSessionPassesFromAnAddressThatFailedToSignIn() {
        ConsoleClient anna = new ConsoleClient(node.server.uri());
        var hotline = node.taskforce.organisations.findByName("DE Hotline").orElseThrow();
        // The hotline's own ADMIN creates its users (the node administrator may not).
        String hotlineAdmin = node.taskforce.token(hotline, Role.ADMIN);
        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users",
                "{\"login\":\"anna\",\"role\":\"ANALYST\",\"password\":\"" + ConsoleSessionApiTest.PASSWORD + "\"}").status()).isEqualTo(201);
        assertThat(anna.signIn("anna", ConsoleSessionApiTest.PASSWORD).status()).isEqualTo(200);
        // Every request of this test comes from 127.0.0.1 without X-Forwarded-For: the same address as anna's session.
        ConsoleClient attacker = new ConsoleClient(node.server.uri());
        for (int i = 0; i < 10; i++) assertThat(attacker.signIn("anna-" + i, "wrong password " + i).status()).isEqualTo(401);
        assertThat(attacker.signIn("anna", ConsoleSessionApiTest.PASSWORD).status()).as("sign-ins from the address wait").isEqualTo(429);
        assertThat(anna.send("GET", "/api/v1/banks", null, null).status()).as("the session signed in before passes").isEqualTo(200);
    }

    @Test
    void theApplicationLimitCountsEachClientBehindTheProxy() {
        for (int i = 0; i < OrganisationRoutes.APPLICATIONS.maxFailures(); i++) assertThat(apply("203.0.113.7", "NGO A" + i)).isEqualTo(201);
        assertThat(apply("203.0.113.7", "NGO A9")).isEqualTo(429);
        assertThat(apply("203.0.113.8", "NGO B")).as("another member behind the same proxy").isEqualTo(201);
    }

    private int apply(String client, String name) {
        return send(HttpRequest.newBuilder(node.server.uri().resolve("/api/v1/organisations")).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"kind\":\"NGO\",\"country\":\"DE\"}"))).statusCode();
    }

    @Test
    void everyResponseSaysNosniffAndHttpsOnesSayHsts() {
        for (String path : List.of("/health", "/metrics", "/openapi.json", "/api/v1/banks", "/api/v1/no-such-route", "/", "/app.js", "/no-such-file.html")) {
            HttpResponse<String> plain = get(path, null, analyst);
            assertThat(plain.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
            HttpResponse<String> viaProxy = get(path, "203.0.113.9", analyst, "X-Forwarded-Proto", "https");
            assertThat(viaProxy.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).as(path + " over HTTPS").hasValue("max-age=31536000");
        }
        HttpResponse<String> unauthenticated = get("/api/v1/banks", null, null);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // What Jetty answers itself, before any route: a header too large to parse.
        HttpResponse<String> tooLarge = get("/api/v1/banks", null, analyst, "X-Padding", "x".repeat(20_000));
        assertThat(tooLarge.statusCode()).isEqualTo(431);
        assertThat(tooLarge.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
