package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every webhook route for every organisation kind × membership state × token role, against one webhook (with a
 * pending delivery) of a law-enforcement owner. The rule, restated from the brief independently of the code: only an
 * ADMIN of an ACTIVE organisation manages webhooks, and only its own; anyone else is 403, another ACTIVE
 * organisation's ADMIN sees nothing of the owner's (empty lists, 404). Anything more is a leak, anything less a
 * broken route; both fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookAccessMatrix {
    private static final List<MembershipState> STATES = List.of(MembershipState.APPLIED, MembershipState.APPROVED,
            MembershipState.ACTIVE, MembershipState.SUSPENDED, MembershipState.WITHDRAWN, MembershipState.REJECTED);
    private static final String BAD_URL = "{\"url\":\"ftp://not-allowed.example/\"}";

    private final Backend backend;
    LiveNode node;
    long webhookId;
    long deliveryId;
    String ownerSecret;
    final List<Caller> callers = new ArrayList<>();

    record Caller(String name, MembershipState state, Role role, String token, boolean owner) {
        boolean manages() {
            return state == MembershipState.ACTIVE && role == Role.ADMIN;
        }

        @Override
        public String toString() {
            return name + " " + role;
        }
    }

    WebhookAccessMatrix(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        Organisation owner = t.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        List<Organisation> orgs = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (MembershipState state : STATES) orgs.add(t.organisation(kind + " " + state, kind, "BE", state));
        }
        String ownerAdmin = t.token(owner, Role.ADMIN);
        LiveNode.Reply registered = node.post(ownerAdmin, "/api/v1/webhooks", "{\"url\":\"https://hooks.owner.example/in\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        webhookId = registered.json().get("id").asLong();
        ownerSecret = registered.json().get("secret").asText();
        t.notifications.notify(owner.name(), NotificationKind.MATCH_HIT, "entry:1", Map.of("asker", "Someone"));
        deliveryId = node.get(ownerAdmin, "/api/v1/webhooks/deliveries").json().get("deliveries").get(0).get("id").asLong();

        for (Role role : Role.values()) callers.add(new Caller(owner.name(), owner.state(), role, t.token(owner, role), true));
        for (Organisation org : orgs) {
            for (Role role : Role.values()) callers.add(new Caller(org.name(), org.state(), role, t.token(org, role), false));
        }
    }

    @AfterAll
    void close() {
        node.close();
    }

    Stream<Caller> callers() {
        return callers.stream();
    }

    @ParameterizedTest
    @MethodSource("callers")
    void theWebhookListIsOnlyEverTheOwnAdmins(Caller caller) {
        LiveNode.Reply reply = node.get(caller.token(), "/api/v1/webhooks");
        if (!caller.manages()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).isEqualTo(200);
        JsonNode webhooks = reply.json().get("webhooks");
        if (caller.owner()) assertThat(webhooks).singleElement().satisfies(w -> assertThat(w.get("id").asLong()).isEqualTo(webhookId));
        else assertThat(webhooks).isEmpty();
        assertThat(reply.body()).doesNotContain(ownerSecret).doesNotContain("\"secret\"").doesNotContain("vgtx_whsec_");
    }

    @ParameterizedTest
    @MethodSource("callers")
    void deliveriesAreOnlyEverTheOwnAdmins(Caller caller) {
        for (String query : List.of("", "?state=PENDING", "?webhook=" + webhookId)) {
            LiveNode.Reply reply = node.get(caller.token(), "/api/v1/webhooks/deliveries" + query);
            if (!caller.manages()) {
                assertThat(reply.status()).as(reply.body()).isEqualTo(403);
                continue;
            }
            assertThat(reply.status()).isEqualTo(200);
            JsonNode deliveries = reply.json().get("deliveries");
            if (caller.owner()) assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.get("id").asLong()).isEqualTo(deliveryId));
            else assertThat(deliveries).as(query).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("callers")
    void onlyAnActiveAdminGetsPastTheAccessCheckToRegister(Caller caller) {
        LiveNode.Reply reply = node.post(caller.token(), "/api/v1/webhooks", BAD_URL);
        assertThat(reply.status()).as(reply.body()).isEqualTo(caller.manages() ? 400 : 403);
    }

    @ParameterizedTest
    @MethodSource("callers")
    void anotherOrganisationsWebhookCannotBeDeletedRotatedOrRetried(Caller caller) {
        int expected = !caller.manages() ? 403 : 404;
        if (caller.owner() && caller.manages()) {
            // The owner's own ADMIN: the delivery is pending, so a retry is a conflict; the rest is tested elsewhere.
            assertThat(node.post(caller.token(), "/api/v1/webhooks/deliveries/" + deliveryId + "/retry", "").status()).isEqualTo(409);
            return;
        }
        assertThat(node.send("DELETE", caller.token(), "/api/v1/webhooks/" + webhookId).status()).isEqualTo(expected);
        LiveNode.Reply rotate = node.post(caller.token(), "/api/v1/webhooks/" + webhookId + "/secret", "");
        assertThat(rotate.status()).isEqualTo(expected);
        assertThat(rotate.body()).doesNotContain("vgtx_whsec_");
        assertThat(node.post(caller.token(), "/api/v1/webhooks/deliveries/" + deliveryId + "/retry", "").status()).isEqualTo(expected);
    }
}
