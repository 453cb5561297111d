package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.webhook.Receiver;
import io.vgtx.core.webhook.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook routes on a live node, on SQLite and PostgreSQL, with a real receiver on the loopback. */
@ParameterizedClass
@EnumSource(Backend.class)
class WebhookApiTest {
    private static final String HIDDEN_PDQ = "a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0".repeat(2);

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;

    LiveNode node;
    final Receiver receiver = new Receiver();
    Organisation police;
    String admin;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir);
        police = node.taskforce.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        admin = node.taskforce.token(police, Role.ADMIN);
    }

    @AfterEach
    void stop() {
        node.close();
        receiver.close();
    }

    private JsonNode register(String token, String body) {
        LiveNode.Reply reply = node.post(token, "/api/v1/webhooks", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private WebhookDelivery.Round runDue() {
        return node.services.webhookDelivery().runDue();
    }

    @Test
    void anAdminRegistersListsRotatesAndDeletesAWebhook() {
        JsonNode registered = register(admin, "{\"url\":\"" + receiver.url("/hook") + "\",\"description\":\"SOC\"}");
        long id = registered.get("id").asLong();
        String secret = registered.get("secret").asText();
        assertThat(secret).matches("vgtx_whsec_[A-Za-z0-9_-]{43}");
        assertThat(registered.get("allKinds").asBoolean()).isTrue();
        assertThat(registered.get("kinds")).isEmpty();
        assertThat(registered.get("url").asText()).isEqualTo(receiver.url("/hook"));

        LiveNode.Reply list = node.get(admin, "/api/v1/webhooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("webhooks")).singleElement().satisfies(w -> {
            assertThat(w.get("id").asLong()).isEqualTo(id);
            assertThat(w.get("description").asText()).isEqualTo("SOC");
            assertThat(w.has("secret")).isFalse();
        });
        assertThat(list.body()).doesNotContain(secret);

        LiveNode.Reply rotated = node.post(admin, "/api/v1/webhooks/" + id + "/secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("secret").asText()).isNotEqualTo(secret).startsWith("vgtx_whsec_");
        assertThat(node.get(admin, "/api/v1/webhooks").body()).doesNotContain(rotated.json().get("secret").asText());

        assertThat(node.send("DELETE", admin, "/api/v1/webhooks/" + id).status()).isEqualTo(204);
        assertThat(node.get(admin, "/api/v1/webhooks").json().get("webhooks")).isEmpty();
        assertThat(node.send("DELETE", admin, "/api/v1/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void aMatchHitReachesTheOwnersWebhookSignedAndWithoutTheHash() throws Exception {
        JsonNode hook = register(admin, "{\"url\":\"" + receiver.url("/hits") + "\",\"kinds\":[\"MATCH_HIT\"]}");
        Principal analyst = node.taskforce.principal(police, Role.ANALYST);
        Bank bank = node.taskforce.banks.create(analyst, "police-only", Distribution.AMBER, Optional.of(Category.A), List.of());
        node.taskforce.banks.addEntries(analyst, bank.id(), List.of(EntryData.of(PdqSignal.PDQ, HIDDEN_PDQ)));
        Organisation ngo = node.taskforce.active("Helpful NGO", OrganisationKind.NGO);

        LiveNode.Reply match = node.post(node.taskforce.token(ngo, Role.VIEWER), "/api/v1/match",
                "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + HIDDEN_PDQ + "\"}]}");
        assertThat(match.status()).as(match.body()).isEqualTo(200);
        assertThat(match.json().get("results").get(0).get("hits")).hasSize(1);

        assertThat(runDue().delivered()).isEqualTo(1);
        Receiver.Request request = receiver.requests().getFirst();
        assertThat(request.signedWith(hook.get("secret").asText())).isTrue();
        assertThat(request.timestamp()).isEqualTo(node.clock.instant().getEpochSecond());
        JsonNode body = LiveNode.JSON.readTree(request.body());
        assertThat(body.get("kind").asText()).isEqualTo("MATCH_HIT");
        assertThat(body.get("organisation").asText()).isEqualTo("Owner Police");
        assertThat(body.get("details").get("asker").asText()).isEqualTo("Helpful NGO");
        String text = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(HIDDEN_PDQ).doesNotContain("vgtx_").doesNotContain("police-only");

        JsonNode notifications = LiveNode.JSON.readTree(node.get(admin, "/api/v1/notifications").body()).get("notifications");
        assertThat(body.get("event_id").asLong()).isEqualTo(notifications.get(0).get("id").asLong());

        LiveNode.Reply delivered = node.get(admin, "/api/v1/webhooks/deliveries?state=DELIVERED");
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.json().get("deliveries")).singleElement().satisfies(d -> {
            assertThat(d.get("webhookId").asLong()).isEqualTo(hook.get("id").asLong());
            assertThat(d.get("kind").asText()).isEqualTo("MATCH_HIT");
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("lastStatus").asInt()).isEqualTo(200);
            assertThat(d.get("nextAttemptAt").isNull()).isTrue();
        });
    }

    @Test
    void aDeadDeliveryIsListedAndSentAgainOnRequest() {
        register(admin, "{\"url\":\"" + receiver.url("/down") + "\"}");
        receiver.otherwise(503);
        node.taskforce.notifications.notify(police.name(), io.vgtx.core.notify.NotificationKind.ENTRY_DISPUTED, "entry:7", Map.of("by", "X"));
        for (int i = 0; i < 12; i++) {
            runDue();
            node.clock.advance(Duration.ofHours(1));
        }
        assertThat(receiver.requests()).as("the default: 10 attempts").hasSize(10);
        LiveNode.Reply dead = node.get(admin, "/api/v1/webhooks/deliveries?state=DEAD");
        JsonNode deadOne = dead.json().get("deliveries").get(0);
        assertThat(deadOne.get("state").asText()).isEqualTo("DEAD");
        assertThat(deadOne.get("lastStatus").asInt()).isEqualTo(503);
        assertThat(deadOne.get("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(node.get(admin, "/api/v1/webhooks/deliveries?state=PENDING").json().get("deliveries")).isEmpty();

        long id = deadOne.get("id").asLong();
        LiveNode.Reply retried = node.post(admin, "/api/v1/webhooks/deliveries/" + id + "/retry", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("state").asText()).isEqualTo("PENDING");
        assertThat(retried.json().get("attempts").asInt()).isZero();
        LiveNode.Reply again = node.post(admin, "/api/v1/webhooks/deliveries/" + id + "/retry", "");
        assertThat(again.status()).as("pending already").isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/conflict");

        receiver.otherwise(200);
        assertThat(runDue().delivered()).isEqualTo(1);
        assertThat(node.get(admin, "/api/v1/webhooks/deliveries?state=DELIVERED").json().get("deliveries")).hasSize(1);
        assertThat(node.get(admin, "/api/v1/webhooks/deliveries?state=DEAD").json().get("deliveries")).isEmpty();
    }

    @Test
    void deliveriesArePagedAndFilteredByWebhook() {
        long a = register(admin, "{\"url\":\"https://a.example/\"}").get("id").asLong();
        long b = register(admin, "{\"url\":\"https://b.example/\",\"kinds\":[\"ENTRY_CONFIRMED\"]}").get("id").asLong();
        for (int i = 0; i < 3; i++) node.taskforce.notifications.notify(police.name(), io.vgtx.core.notify.NotificationKind.ENTRY_CONFIRMED, "entry:" + i, Map.of());

        JsonNode first = node.get(admin, "/api/v1/webhooks/deliveries?limit=4").json();
        assertThat(first.get("deliveries")).hasSize(4);
        JsonNode second = node.get(admin, "/api/v1/webhooks/deliveries?limit=4&after=" + first.get("next").asLong()).json();
        assertThat(second.get("deliveries")).hasSize(2);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(node.get(admin, "/api/v1/webhooks/deliveries?webhook=" + b).json().get("deliveries"))
                .hasSize(3).allSatisfy(d -> assertThat(d.get("webhookId").asLong()).isEqualTo(b));
        assertThat(node.get(admin, "/api/v1/webhooks/deliveries?state=pending&webhook=" + a).json().get("deliveries")).hasSize(3);
    }

    @Test
    void badInputIsAFourHundredNamingTheProblem() {
        Map<String, Integer> bodies = Map.of(
                "{\"url\":\"http://hooks.example.org/\"}", 400,
                "{\"url\":\"ftp://hooks.example.org/\"}", 400,
                "{\"url\":\"https://user:pw@hooks.example.org/\"}", 400,
                "{\"url\":\"https://hooks.example.org/\",\"kinds\":[]}", 400,
                "{\"url\":\"https://hooks.example.org/\",\"kinds\":[\"NOT_A_KIND\"]}", 400,
                "{\"url\":\"https://hooks.example.org/\",\"kinds\":[null]}", 400,
                "{\"url\":\"https://hooks.example.org/\",\"secret\":\"mine\"}", 400,
                "{\"kinds\":[\"MATCH_HIT\"]}", 400,
                "[]", 400,
                "{", 400);
        bodies.forEach((body, status) -> {
            LiveNode.Reply reply = node.post(admin, "/api/v1/webhooks", body);
            assertThat(reply.status()).as(body + " → " + reply.body()).isEqualTo(status);
            assertThat(reply.json().get("detail").asText()).isNotBlank();
        });
        assertThat(node.postBytes(admin, "/api/v1/webhooks", "text/plain", "url=x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(415);
        for (String path : List.of("/api/v1/webhooks/deliveries?state=LOST", "/api/v1/webhooks/deliveries?limit=0",
                "/api/v1/webhooks/deliveries?limit=1001", "/api/v1/webhooks/deliveries?after=-1", "/api/v1/webhooks/deliveries?webhook=x")) {
            assertThat(node.get(admin, path).status()).as(path).isEqualTo(400);
        }
        assertThat(node.send("DELETE", admin, "/api/v1/webhooks/abc").status()).isEqualTo(400);
        assertThat(node.post(admin, "/api/v1/webhooks/0/secret", "").status()).isEqualTo(400);
        assertThat(node.post(admin, "/api/v1/webhooks/deliveries/99/retry", "").status()).isEqualTo(404);
        assertThat(node.get(admin, "/api/v1/webhooks").json().get("webhooks")).isEmpty();
    }

    @Test
    void registrationDeletionRotationAndRetryAreAuditedWithoutTheSecret() {
        JsonNode hook = register(admin, "{\"url\":\"https://hooks.example.org/path/with/their-own-secret\"}");
        long id = hook.get("id").asLong();
        String rotated = node.post(admin, "/api/v1/webhooks/" + id + "/secret", "").json().get("secret").asText();
        node.send("DELETE", admin, "/api/v1/webhooks/" + id);

        String operatorAdmin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        LiveNode.Reply audit = node.get(operatorAdmin, "/api/v1/audit?limit=1000");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("webhook.register").contains("webhook.rotate-secret").contains("webhook.delete")
                .contains("https://hooks.example.org")
                .doesNotContain(hook.get("secret").asText()).doesNotContain(rotated).doesNotContain("their-own-secret");
        assertThat(node.get(operatorAdmin, "/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theNodesAdministratorHasNoSayOverAnotherOrganisationsWebhooks() {
        long id = register(admin, "{\"url\":\"https://hooks.example.org/\"}").get("id").asLong();
        String operatorAdmin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        assertThat(node.get(operatorAdmin, "/api/v1/webhooks").json().get("webhooks")).isEmpty();
        assertThat(node.send("DELETE", operatorAdmin, "/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(node.post(operatorAdmin, "/api/v1/webhooks/" + id + "/secret", "").status()).isEqualTo(404);
        assertThat(node.get(admin, "/api/v1/webhooks").json().get("webhooks")).hasSize(1);
    }

    @Test
    void aWebhookIntoTheNodesNetworkIsRefusedAndOneThatMovesThereIsNotSent() {
        // The node allows only its tests' loopback receivers (--webhook-allow 127.0.0.0/8).
        node.dns.map("metadata.attacker.example", "169.254.169.254");
        node.dns.map("intranet.attacker.example", "10.0.0.1", "93.184.215.14");
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/", "https://[::ffff:10.0.0.1]/",
                "https://metadata.attacker.example/", "https://intranet.attacker.example/", "https://192.168.1.1:8443/", "https://100.64.0.1/",
                "https://hooks.example.org:0/", "https://hooks.example.org:70000/")) {
            LiveNode.Reply reply = node.post(admin, "/api/v1/webhooks", "{\"url\":\"" + url + "\"}");
            assertThat(reply.status()).as(url + " → " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("detail").asText()).as(url).containsAnyOf("public addresses only", "port");
        }
        assertThat(node.get(admin, "/api/v1/webhooks").json().get("webhooks")).as("nothing registered").isEmpty();

        // Public when registered, the cloud metadata service when it is time to deliver.
        node.dns.map("hooks.rebinding.example", "93.184.215.14");
        register(admin, "{\"url\":\"https://hooks.rebinding.example/in\"}");
        node.dns.map("hooks.rebinding.example", "169.254.169.254");
        node.taskforce.notifications.notify(police.name(), io.vgtx.core.notify.NotificationKind.ENTRY_CONFIRMED, "entry:1", Map.of());
        assertThat(runDue().retrying()).isEqualTo(1);
        JsonNode delivery = node.get(admin, "/api/v1/webhooks/deliveries").json().get("deliveries").get(0);
        assertThat(delivery.get("lastError").asText()).startsWith("refused address");
        assertThat(delivery.get("lastStatus").isNull()).isTrue();
    }
}
