package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import io.vgtx.core.webhook.WebhookSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 §6, as an attacker would try it: an organisation's ADMIN seating itself on the board through a console user,
 * the node administrator acting as another organisation, impostor names, and an organisation widening its own
 * jurisdictions to receive other countries' reports.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RolesAndJurisdictionsApiTest {
    private static final String PASSWORD = "correct horse battery";

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    String nodeAdmin;
    Organisation hotline;
    String hotlineAdmin;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir);
        nodeAdmin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        hotline = node.taskforce.active("DE Hotline", OrganisationKind.HOTLINE);
        hotlineAdmin = node.taskforce.token(hotline, Role.ADMIN);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void anOrganisationsAdminCannotMintABoardUserNorTakeOverTheOneTheNodeGaveIt() {
        LiveNode.Reply minted = node.post(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users",
                "{\"login\":\"seat\",\"role\":\"BOARD\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(minted.status()).as(minted.body()).isEqualTo(403);
        assertThat(minted.json().get("detail").asText()).contains("only a node administrator may give a BOARD user");
        assertThat(node.services.users().findByLogin("seat")).as("no user left behind").isEmpty();

        LiveNode.Reply seated = node.post(nodeAdmin, "/api/v1/organisations/" + hotline.id() + "/users", "{\"login\":\"seat\",\"role\":\"BOARD\"}");
        assertThat(seated.status()).as(seated.body()).isEqualTo(201);
        long seat = seated.json().get("user").get("id").asLong();
        assertThat(kinds(hotlineAdmin)).contains("CREDENTIAL_ISSUED_BY_NODE");

        // The hotline's ADMIN may not hand itself the seat: no new password, no enabling; it may give the seat up.
        LiveNode.Reply reset = node.post(hotlineAdmin, "/api/v1/users/" + seat + "/password", "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(403);
        assertThat(reset.body()).doesNotContain("\"password\":\"");
        assertThat(new ConsoleClient(node.server.uri()).signIn("seat", PASSWORD).status()).isNotEqualTo(200);
        assertThat(node.post(hotlineAdmin, "/api/v1/users/" + seat + "/enable", "").status()).isEqualTo(403);
        assertThat(node.post(hotlineAdmin, "/api/v1/users/" + seat + "/disable", "").status()).isEqualTo(200);
        // And its BOARD token likewise only from the node.
        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/tokens", "{\"role\":\"BOARD\"}").status()).isEqualTo(403);
        assertThat(node.get(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/votes").status()).isEqualTo(403);
    }

    @Test
    void theNodeAdministratorIssuesAnotherOrganisationNoAnalystViewerOrSecondAdminCredential() {
        int tokensBefore = node.services.tokens().list(hotline.id()).size();
        for (String role : List.of("ANALYST", "VIEWER", "ADMIN")) {
            LiveNode.Reply token = node.post(nodeAdmin, "/api/v1/organisations/" + hotline.id() + "/tokens", "{\"role\":\"" + role + "\"}");
            assertThat(token.status()).as(role + ": " + token.body()).isEqualTo(403);
            assertThat(token.body()).doesNotContain("vgtx_");
            LiveNode.Reply user = node.post(nodeAdmin, "/api/v1/organisations/" + hotline.id() + "/users",
                    "{\"login\":\"op-" + role.toLowerCase() + "\",\"role\":\"" + role + "\"}");
            assertThat(user.status()).as(role + ": " + user.body()).isEqualTo(403);
        }
        assertThat(node.post(nodeAdmin, "/api/v1/organisations/" + hotline.id() + "/tokens", "{\"role\":\"ADMIN\"}").json().get("detail").asText())
                .contains("has an active ADMIN");
        assertThat(node.services.tokens().list(hotline.id())).as("no token left behind").hasSize(tokensBefore);
        assertThat(node.services.users().list(hotline.id())).isEmpty();
        assertThat(kinds(hotlineAdmin)).doesNotContain("CREDENTIAL_ISSUED_BY_NODE");
    }

    @Test
    void theNodeAdministratorCannotResetChangeOrRevokeAnotherOrganisationsCredentialsNorItsWebhooks() {
        LiveNode.Reply analyst = node.post(hotlineAdmin, "/api/v1/organisations/" + hotline.id() + "/users",
                "{\"login\":\"anna\",\"role\":\"ANALYST\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(analyst.status()).as(analyst.body()).isEqualTo(201);
        long anna = analyst.json().get("user").get("id").asLong();
        for (String change : List.of("password", "enable", "disable")) {
            LiveNode.Reply reply = node.post(nodeAdmin, "/api/v1/users/" + anna + "/" + change, "{}");
            assertThat(reply.status()).as(change + ": " + reply.body()).isEqualTo(403);
            assertThat(reply.body()).doesNotContain("\"password\":\"");
        }
        assertThat(node.send("DELETE", nodeAdmin, "/api/v1/users/" + anna).status()).isEqualTo(403);
        assertThat(new ConsoleClient(node.server.uri()).signIn("anna", PASSWORD).status()).as("anna's password is hers still").isEqualTo(200);
        // Reading is not acting: the node administrator still sees who the organisation's users are.
        assertThat(node.get(nodeAdmin, "/api/v1/users/" + anna).status()).isEqualTo(200);

        long adminToken = node.services.tokens().authenticate(hotlineAdmin).orElseThrow().tokenId();
        assertThat(node.send("DELETE", nodeAdmin, "/api/v1/tokens/" + adminToken).status())
                .as("revoking its ADMIN would make a 'recovery' of the node's own making").isEqualTo(403);
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").status()).isEqualTo(200);

        Principal hotlinePrincipal = node.services.tokens().authenticate(hotlineAdmin).orElseThrow();
        WebhookSecret hook = node.services.webhooks().register(hotlinePrincipal, "http://127.0.0.1:9/hook", Optional.empty(), Optional.empty());
        long hookId = hook.webhook().id();
        assertThat(node.send("DELETE", nodeAdmin, "/api/v1/webhooks/" + hookId).status()).isEqualTo(404);
        assertThat(node.post(nodeAdmin, "/api/v1/webhooks/" + hookId + "/secret", "").status()).isEqualTo(404);
        assertThat(node.get(nodeAdmin, "/api/v1/webhooks").body()).doesNotContain("127.0.0.1:9");
        assertThat(node.services.webhooks().list(hotlinePrincipal)).hasSize(1);
    }

    @Test
    void theNodeAdministratorIssuesAFirstAdminAndARecoveryAdminAuditedAndTold() {
        Organisation newcomer = node.taskforce.active("NL Police", OrganisationKind.LAW_ENFORCEMENT);
        LiveNode.Reply first = node.post(nodeAdmin, "/api/v1/organisations/" + newcomer.id() + "/tokens", "{\"role\":\"ADMIN\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String newcomerAdmin = first.json().get("token").asText();
        assertThat(node.post(nodeAdmin, "/api/v1/organisations/" + newcomer.id() + "/tokens", "{\"role\":\"ADMIN\"}").status())
                .as("a second, while the first is active").isEqualTo(403);

        // It loses its only ADMIN: the node may issue one again, as a recovery.
        long firstId = first.json().get("id").asLong();
        assertThat(node.send("DELETE", newcomerAdmin, "/api/v1/tokens/" + firstId).status()).isEqualTo(200);
        LiveNode.Reply recovery = node.post(nodeAdmin, "/api/v1/organisations/" + newcomer.id() + "/users", "{\"login\":\"nl-admin\",\"role\":\"ADMIN\"}");
        assertThat(recovery.status()).as(recovery.body()).isEqualTo(201);

        List<String> grants = new ArrayList<>();
        node.get(nodeAdmin, "/api/v1/audit?limit=1000").json().get("events").forEach(e -> {
            if (e.get("details").has("grant") && e.get("details").get("organisation").asText().equals("NL Police"))
                grants.add(e.get("action").asText() + " " + e.get("details").get("grant").asText());
        });
        assertThat(grants).containsExactly("token.issue ONBOARDING", "user.create RECOVERY");
        String recoveryAdmin = node.taskforce.token(newcomer, Role.VIEWER); // any token of it reads its notifications
        JsonNode told = node.get(recoveryAdmin, "/api/v1/notifications").json().get("notifications");
        List<String> toldGrants = new ArrayList<>();
        told.forEach(n -> {
            if (n.get("kind").asText().equals("CREDENTIAL_ISSUED_BY_NODE")) toldGrants.add(n.get("details").get("grant").asText());
        });
        assertThat(toldGrants).containsExactlyInAnyOrder("ONBOARDING", "RECOVERY");
        assertThat(node.get(nodeAdmin, "/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anApplicationThatLooksLikeAMembersNameIsRefused() {
        node.taskforce.active("Op Police", OrganisationKind.LAW_ENFORCEMENT);
        node.taskforce.active("NLPolice", OrganisationKind.LAW_ENFORCEMENT);
        for (String impostor : List.of("\u039fp Police", "op police ", "  Op   Police")) {
            LiveNode.Reply reply = node.post(null, "/api/v1/organisations", "{\"name\":\"" + impostor + "\",\"kind\":\"HOTLINE\",\"country\":\"NL\"}");
            assertThat(reply.status()).as(impostor + ": " + reply.body()).isEqualTo(409);
            assertThat(reply.json().get("detail").asText()).contains("looks like the name of an organisation on this node");
            node.clock.advance(java.time.Duration.ofHours(2)); // past the per-address limit on applications
        }
        // An invisible character is refused before any comparison (400): a name holds no format characters at all.
        LiveNode.Reply zeroWidth = node.post(null, "/api/v1/organisations", "{\"name\":\"NL\\u200bPolice\",\"kind\":\"HOTLINE\",\"country\":\"NL\"}");
        assertThat(zeroWidth.status()).as(zeroWidth.body()).isEqualTo(400);
        assertThat(node.taskforce.organisations.list()).extracting(Organisation::name).doesNotContain("\u039fp Police", "op police");
    }

    @Test
    void countryCodesMustBeAssigned() {
        LiveNode.Reply uk = node.post(null, "/api/v1/organisations", "{\"name\":\"UK Hotline\",\"kind\":\"HOTLINE\",\"country\":\"UK\"}");
        assertThat(uk.status()).isEqualTo(400);
        assertThat(uk.json().get("detail").asText()).contains("use GB");
        for (String code : List.of("EU", "XX", "JJ")) {
            LiveNode.Reply reply = node.put(nodeAdmin, "/api/v1/organisations/" + hotline.id() + "/jurisdictions", "{\"countries\":[\"" + code + "\"]}");
            assertThat(reply.status()).as(code).isEqualTo(400);
            LiveNode.Reply report = node.post(hotlineAdmin, "/api/v1/reports", "{\"url\":\"https://x.example/a\",\"source\":\"PUBLIC\",\"hostingCountry\":\"" + code + "\"}");
            assertThat(report.status()).as(code + ": " + report.body()).isEqualTo(400);
        }
    }

    @Test
    void anOrganisationOnlyAsksForJurisdictionsAndReceivesOtherCountriesReportsOnlyOnceTheNodeGrantsThem() {
        Organisation police = node.taskforce.active("FR Watch", OrganisationKind.LAW_ENFORCEMENT);
        String policeAdmin = node.taskforce.token(police, Role.ADMIN);
        LiveNode.Reply asked = node.put(policeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions", "{\"countries\":[\"fr\",\"BE\"]}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("countries")).isEmpty();
        assertThat(asked.json().get("requested").get("countries").toString()).isEqualTo("[\"BE\",\"FR\"]");
        assertThat(node.taskforce.organisations.find(police.id()).orElseThrow().jurisdictions()).as("nothing granted").isEmpty();
        assertThat(kinds(nodeAdmin)).contains("JURISDICTIONS_REQUESTED");
        assertThat(node.get(nodeAdmin, "/api/v1/jurisdiction-requests").json().get("requests").findValuesAsText("organisation")).containsExactly("FR Watch");
        assertThat(node.get(hotlineAdmin, "/api/v1/jurisdiction-requests").status()).isEqualTo(403);
        assertThat(node.post(policeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions/grant", "").status())
                .as("it cannot grant itself").isEqualTo(403);

        JsonNode report = reportHostedIn("FR");
        assertThat(report.get("routing").get("receivers").findValuesAsText("organisation")).doesNotContain("FR Watch");

        LiveNode.Reply granted = node.post(nodeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions/grant", "");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("countries").toString()).isEqualTo("[\"BE\",\"FR\"]");
        assertThat(granted.json().get("requested").isNull()).isTrue();
        assertThat(kinds(policeAdmin)).contains("JURISDICTIONS_DECIDED");
        assertThat(reportHostedIn("FR").get("routing").get("receivers").findValuesAsText("organisation")).contains("FR Watch");

        // A request refused leaves the granted ones; the node administrator may also set them directly.
        node.put(policeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions", "{\"countries\":[\"DE\",\"FR\",\"NL\"]}");
        assertThat(node.post(nodeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions/refuse", "").json().get("countries").toString())
                .isEqualTo("[\"BE\",\"FR\"]");
        assertThat(node.post(nodeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions/refuse", "").status()).isEqualTo(404);
        assertThat(node.put(nodeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions", "{\"countries\":[\"LU\"]}").json()
                .get("countries").toString()).isEqualTo("[\"LU\"]");
    }

    /** An illegal report the hotline makes and assesses, as it is then. */
    private JsonNode reportHostedIn(String country) {
        LiveNode.Reply made = node.post(hotlineAdmin, "/api/v1/reports", "{\"url\":\"https://files.example/" + country + "\",\"source\":\"PUBLIC\",\"hostingCountry\":\"" + country + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        LiveNode.Reply assessed = node.post(hotlineAdmin, "/api/v1/reports/" + made.json().get("id").asLong() + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        return assessed.json();
    }

    private List<String> kinds(String token) {
        return node.get(token, "/api/v1/notifications").json().get("notifications").findValuesAsText("kind");
    }
}
