package io.vgtx.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GracefulShutdownTest {
    @TempDir
    Path dataDir;

    @Test
    void closeLetsARequestInFlightFinishThenRefusesConnectionsAndClosesTheDatabase() throws Exception {
        TestServer node = new TestServer(dataDir);
        CompletableFuture<HttpResponse<String>> inFlight = node.client.sendAsync(
                node.request("/api/v1/test/slow").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(node.routes.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(node.server::close);
        Thread.sleep(300); // stop has begun and is waiting for the request
        assertThat(closing).isNotDone();
        node.routes.release.countDown();

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response).path("name").asText()).isEqualTo("slow");
        closing.get(10, TimeUnit.SECONDS);

        try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(node.uri("/health")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        }
        assertThatThrownBy(() -> node.database.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                .isInstanceOf(Exception.class);
        node.server.close(); // a second close is harmless
        node.client.close();
    }
}
