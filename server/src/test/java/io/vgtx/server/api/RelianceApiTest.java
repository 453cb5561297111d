package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import io.vgtx.core.webhook.Receiver;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, on both databases: a retraction or enough disputes reach the organisations that matched the entry and
 * the readers of the reports that kept it, in their notifications and through their webhooks.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RelianceApiTest {
    private static final String GREEN = "6f1ed002ab5595859014ebf0951522d9".repeat(2);
    private static final String MISS = "0123456789abcdef".repeat(4);

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    final Receiver receiver = new Receiver();
    Organisation owner, ngo, hotline, nlPolice;
    String ownerAnalyst, ngoViewer, ngoAdmin, hotlineAnalyst, nlPoliceViewer;
    long entry;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir);
        owner = node.taskforce.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        ngo = node.taskforce.active("Helpful NGO", OrganisationKind.NGO);
        hotline = node.taskforce.active("DE Hotline", OrganisationKind.HOTLINE);
        nlPolice = node.taskforce.organisation("NL Police", OrganisationKind.LAW_ENFORCEMENT, "NL", io.vgtx.core.org.MembershipState.ACTIVE);
        node.taskforce.organisations.setJurisdictions(nlPolice.id(), List.of("NL"));
        ownerAnalyst = node.taskforce.token(owner, Role.ANALYST);
        ngoViewer = node.taskforce.token(ngo, Role.VIEWER);
        ngoAdmin = node.taskforce.token(ngo, Role.ADMIN);
        hotlineAnalyst = node.taskforce.token(hotline, Role.ANALYST);
        nlPoliceViewer = node.taskforce.token(nlPolice, Role.VIEWER);
        long bank = node.post(ownerAnalyst, "/api/v1/banks", "{\"name\":\"owner-bank\",\"distribution\":\"GREEN\"}").json().get("id").asLong();
        assertThat(node.post(ownerAnalyst, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + GREEN + "\"}]}").status()).isEqualTo(200);
        entry = match(ownerAnalyst, GREEN).get("matches").get(0).get("entry").asLong();
    }

    @AfterEach
    void stop() {
        node.close();
        receiver.close();
    }

    private JsonNode match(String token, String hash) {
        LiveNode.Reply reply = node.post(token, "/api/v1/match", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + hash + "\"}]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("results").get(0);
    }

    private List<JsonNode> notifications(String token, String kind) {
        List<JsonNode> found = new ArrayList<>();
        node.get(token, "/api/v1/notifications").json().get("notifications").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) found.add(n);
        });
        return found;
    }

    private long matcherRows() {
        return node.database.read(h -> h.createQuery("SELECT COUNT(*) FROM entry_matchers").mapTo(Long.class).one());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(25);
        assertThat(condition.getAsBoolean()).as("within 15 s").isTrue();
    }

    @Test
    void aRetractionOverTheApiReachesAMatchersNotificationsAndItsWebhook() throws Exception {
        LiveNode.Reply hook = node.post(ngoAdmin, "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url("/withdrawn") + "\",\"kinds\":[\"ENTRY_WITHDRAWN_AFTER_MATCH\"]}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        assertThat(match(ngoViewer, GREEN).get("matches")).hasSize(1);
        // The node's background writer records the match within about a second; it lets go of the pair just after the
        // commit that makes the row visible, so wait for both.
        await(() -> matcherRows() == 1 && node.services.reliance().ledger().pending() == 0);
        assertThat(node.get(null, "/metrics").body()).contains("vgtx_match_ledger_written_total 1.0")
                .contains("vgtx_match_ledger_pending 0.0").contains("vgtx_match_ledger_dropped_total 0.0");

        assertThat(node.post(ownerAnalyst, "/api/v1/entries/" + entry + "/retract", "").status()).isEqualTo(200);

        assertThat(notifications(ngoViewer, "ENTRY_WITHDRAWN_AFTER_MATCH")).singleElement().satisfies(n -> {
            assertThat(n.get("subject").asText()).isEqualTo("entry:" + entry);
            assertThat(n.get("details").get("entry").asLong()).isEqualTo(entry);
            assertThat(n.get("details").get("bank").asText()).isEqualTo("owner-bank");
            assertThat(n.get("details").get("owner").asText()).isEqualTo("Owner Police");
            assertThat(n.get("details").get("contact").asText()).isEqualTo("owner.police@example.org");
        });
        assertThat(notifications(ownerAnalyst, "ENTRY_WITHDRAWN_AFTER_MATCH")).as("the owner matched its own entry").isEmpty();
        assertThat(node.services.webhookDelivery().runDue().delivered()).isEqualTo(1);
        Receiver.Request request = receiver.requests().getFirst();
        assertThat(request.header(io.vgtx.core.webhook.WebhookDelivery.EVENT_HEADER)).isEqualTo("ENTRY_WITHDRAWN_AFTER_MATCH");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"entry:" + entry + "\"").doesNotContain(GREEN);
    }

    @Test
    void aMatchNotYetWrittenIsToldToo() {
        assertThat(match(ngoViewer, GREEN).get("matches")).hasSize(1);
        assertThat(node.post(ownerAnalyst, "/api/v1/entries/" + entry + "/retract", "").status()).isEqualTo(200);
        assertThat(notifications(ngoViewer, "ENTRY_WITHDRAWN_AFTER_MATCH")).hasSize(1);
    }

    @Test
    void aRequestWithoutMatchesWritesNoRecord() throws InterruptedException {
        assertThat(match(ngoViewer, MISS).get("matches")).isEmpty();
        assertThat(node.services.reliance().ledger().pending()).isZero();
        Thread.sleep(1500);
        assertThat(node.services.reliance().ledger().written()).isZero();
        assertThat(matcherRows()).isZero();
    }

    @Test
    void theReportersAndReceiversOfAReportHearOfDisputesAndTheRetraction() {
        LiveNode.Reply made = node.post(hotlineAnalyst, "/api/v1/reports", "{\"url\":\"https://files.example.nl/x\",\"hashes\":[{\"type\":\"PDQ\",\"value\":\""
                + GREEN + "\"}],\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long report = made.json().get("id").asLong();
        LiveNode.Reply assessed = node.post(hotlineAnalyst, "/api/v1/reports/" + report + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);

        for (Organisation disputer : List.of(node.taskforce.active("Police C", OrganisationKind.LAW_ENFORCEMENT),
                node.taskforce.active("Police D", OrganisationKind.LAW_ENFORCEMENT))) {
            assertThat(node.post(node.taskforce.token(disputer, Role.ANALYST), "/api/v1/entries/" + entry + "/dispute",
                    "{\"reason\":\"not what it says\"}").status()).isEqualTo(200);
        }
        assertThat(node.post(ownerAnalyst, "/api/v1/entries/" + entry + "/retract", "").status()).isEqualTo(200);

        for (String reader : List.of(hotlineAnalyst, nlPoliceViewer)) {
            assertThat(notifications(reader, "ENTRY_DISPUTED_IN_REPORT")).singleElement().satisfies(n -> {
                assertThat(n.get("subject").asText()).isEqualTo("report:" + report);
                assertThat(n.get("details").get("disputes").asText()).isEqualTo("2");
                assertThat(n.get("details").get("entry").asLong()).isEqualTo(entry);
            });
            assertThat(notifications(reader, "ENTRY_WITHDRAWN_FROM_REPORT")).singleElement()
                    .satisfies(n -> assertThat(n.get("subject").asText()).isEqualTo("report:" + report));
        }
        assertThat(notifications(hotlineAnalyst, "ENTRY_WITHDRAWN_AFTER_MATCH")).as("told through its report").isEmpty();
    }

    @Test
    void oneOrganisationDisputingOrConfirmingAgainAndAgainIsToldOnceAndCountsOnceTowardsTheThreshold() throws Exception {
        String ownerAdmin = node.taskforce.token(owner, Role.ADMIN);
        assertThat(node.post(ownerAdmin, "/api/v1/webhooks", "{\"url\":\"" + receiver.url("/opinions")
                + "\",\"kinds\":[\"ENTRY_DISPUTED\",\"ENTRY_CONFIRMED\"]}").status()).isEqualTo(201);
        // The NGO matched the entry: with a threshold of 2 it hears of disputes once two organisations dispute it.
        assertThat(match(ngoViewer, GREEN).get("matches")).hasSize(1);
        await(() -> matcherRows() == 1);
        String police = node.taskforce.token(node.taskforce.active("Police C", OrganisationKind.LAW_ENFORCEMENT), Role.ANALYST);

        for (int i = 0; i < 5; i++) {
            LiveNode.Reply disputed = node.post(police, "/api/v1/entries/" + entry + "/dispute", "{\"reason\":\"not what it says " + i + "\"}");
            assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
            assertThat(disputed.json().get("reason").asText()).as("the first dispute stands").isEqualTo("not what it says 0");
            assertThat(node.post(hotlineAnalyst, "/api/v1/entries/" + entry + "/confirm", "{}").status()).isEqualTo(200);
        }
        assertThat(notifications(ownerAnalyst, "ENTRY_DISPUTED")).as("the owner is told once per organisation").hasSize(1);
        assertThat(notifications(ownerAnalyst, "ENTRY_CONFIRMED")).hasSize(1);
        assertThat(notifications(ngoViewer, "ENTRY_DISPUTED_AFTER_MATCH")).as("one organisation is not two").isEmpty();
        assertThat(node.services.webhookDelivery().runDue().delivered()).as("one webhook per verdict").isEqualTo(2);
        assertThat(receiver.requests()).hasSize(2);

        // A second organisation's dispute reaches the threshold.
        String other = node.taskforce.token(node.taskforce.active("Police D", OrganisationKind.LAW_ENFORCEMENT), Role.ANALYST);
        assertThat(node.post(other, "/api/v1/entries/" + entry + "/dispute", "{}").status()).isEqualTo(200);
        assertThat(notifications(ngoViewer, "ENTRY_DISPUTED_AFTER_MATCH")).singleElement()
                .satisfies(n -> assertThat(n.get("details").get("disputes").asText()).isEqualTo("2"));
        assertThat(notifications(ownerAnalyst, "ENTRY_DISPUTED")).hasSize(2);
        // A changed verdict is news, once: flipping back and forth does not flood the owner.
        for (int i = 0; i < 3; i++) {
            assertThat(node.post(police, "/api/v1/entries/" + entry + "/confirm", "{}").status()).isEqualTo(200);
            assertThat(node.post(police, "/api/v1/entries/" + entry + "/dispute", "{}").status()).isEqualTo(200);
        }
        assertThat(notifications(ownerAnalyst, "ENTRY_CONFIRMED")).hasSize(2);
        assertThat(notifications(ownerAnalyst, "ENTRY_DISPUTED")).hasSize(2);
        assertThat(notifications(ngoViewer, "ENTRY_DISPUTED_AFTER_MATCH")).as("told once at the threshold").hasSize(1);
    }
}
