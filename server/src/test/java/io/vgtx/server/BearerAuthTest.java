package io.vgtx.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BearerAuthTest {
    @TempDir
    Path dataDir;
    TestServer node;

    @BeforeEach
    void start() {
        node = new TestServer(dataDir);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aRouteWithoutATokenIsA401WithABearerChallenge() {
        HttpResponse<String> response = node.get("/api/v1/test/whoami");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(TestServer.json(response).path("type").asText()).isEqualTo("https://vgtx.io/problems/unauthenticated");
    }

    @Test
    void anInvalidTokenIsA401() {
        HttpResponse<String> response = node.getWithToken("/api/v1/test/whoami", "wrong");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void aValidTokenReachesTheHandlerWithItsPrincipal() {
        HttpResponse<String> response = node.getWithToken("/api/v1/test/whoami", TestServer.GOOD_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response).path("name").asText()).isEqualTo("analyst@nca");
    }

    @Test
    void aPublicRouteNeedsNoToken() {
        assertThat(node.get("/api/v1/test/public").statusCode()).isEqualTo(200);
        assertThat(node.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void tenFailedTokensFromOneAddressAreAnswered429UntilTheCoolDownEnds() {
        for (int i = 0; i < 10; i++) {
            assertThat(node.getWithToken("/api/v1/test/whoami", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = node.getWithToken("/api/v1/test/whoami", "guess-11");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(TestServer.json(limited).path("type").asText()).isEqualTo("https://vgtx.io/problems/rate-limited");
        // The right token passes (issue 14: one client guessing must not lock out everyone behind its address); a token
        // has 256 random bits, so a guess is never right.
        assertThat(node.getWithToken("/api/v1/test/whoami", TestServer.GOOD_TOKEN).statusCode()).isEqualTo(200);
        // Public routes stay open.
        assertThat(node.get("/health").statusCode()).isEqualTo(200);

        node.clock.advance(Duration.ofSeconds(30));
        assertThat(node.getWithToken("/api/v1/test/whoami", "guess-12").headers().firstValue("Retry-After")).hasValue("30");

        node.clock.advance(Duration.ofSeconds(31));
        assertThat(node.getWithToken("/api/v1/test/whoami", TestServer.GOOD_TOKEN).statusCode()).isEqualTo(200);
        assertThat(node.getWithToken("/api/v1/test/whoami", "guess-13").statusCode()).isEqualTo(401);
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotBlock() {
        for (int i = 0; i < 30; i++) {
            assertThat(node.getWithToken("/api/v1/test/whoami", "guess").statusCode()).isEqualTo(401);
            node.clock.advance(Duration.ofSeconds(7));
        }
    }

    @Test
    void requestsWithoutAnyTokenDoNotCountAsFailures() {
        for (int i = 0; i < 15; i++) assertThat(node.get("/api/v1/test/whoami").statusCode()).isEqualTo(401);
        assertThat(node.getWithToken("/api/v1/test/whoami", TestServer.GOOD_TOKEN).statusCode()).isEqualTo(200);
    }
}
