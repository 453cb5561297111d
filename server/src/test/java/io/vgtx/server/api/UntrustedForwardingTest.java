package io.vgtx.server.api;

import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A node that trusts no proxy (the default) believes no X-Forwarded-* header, whoever sends it. */
class UntrustedForwardingTest {
    @TempDir
    Path tempDir;
    LiveNode node;

    @BeforeEach
    void start() {
        node = new LiveNode(Backend.SQLITE, tempDir);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void xForwardedProtoFromAnyoneIsIgnored() {
        Organisation hotline = node.taskforce.active("DE Hotline", OrganisationKind.HOTLINE);
        String admin = node.taskforce.token(hotline, Role.ADMIN);
        assertThat(node.post(admin, "/api/v1/organisations/" + hotline.id() + "/users",
                "{\"login\":\"anna\",\"role\":\"ANALYST\",\"password\":\"" + ConsoleSessionApiTest.PASSWORD + "\"}").status()).isEqualTo(201);
        ConsoleClient.Reply signedIn = new ConsoleClient(node.server.uri()).send(HttpRequest.newBuilder(node.server.uri().resolve("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString("login=anna&password=" + ConsoleSessionApiTest.PASSWORD.replace(' ', '+'))));
        assertThat(signedIn.status()).as("plain HTTP on localhost, as it really came").isEqualTo(200);
        assertThat(signedIn.header("Set-Cookie").orElseThrow()).startsWith("vgtx-session=").doesNotContain("Secure");
        assertThat(signedIn.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void xForwardedForFromAnyoneDoesNotEscapeTheLimit() {
        ConsoleClient client = new ConsoleClient(node.server.uri());
        for (int i = 0; i <= 10; i++) {
            // Each guess claims to come from another address.
            ConsoleClient.Reply reply = client.send(HttpRequest.newBuilder(node.server.uri().resolve("/api/v1/banks"))
                    .header("Authorization", "Bearer vgtx_guess-" + i).header("X-Forwarded-For", "203.0.113." + (i + 1)).GET());
            assertThat(reply.status()).as("guess " + i).isEqualTo(i < 10 ? 401 : 429);
        }
    }
}
