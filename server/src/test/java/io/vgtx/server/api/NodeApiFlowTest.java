package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import io.vgtx.server.api.org.OrganisationRoutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's flows over HTTP, as a script with curl would drive them, on both databases. */
@ParameterizedClass
@EnumSource(Backend.class)
class NodeApiFlowTest {
    private static final Path TESTDATA = Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata"));
    private static final String HASH = "6f1ed002ab5595859014ebf0951522d96f1ed002ab5595859014ebf0951522d9";

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    String admin;
    String board;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir);
        admin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        board = node.taskforce.token(node.taskforce.operator, Role.BOARD);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void anApplicantBecomesAnActiveMemberThroughTheBoardAndTheAgreementAndSuspensionTakesEffectAtOnce() {
        LiveNode.Reply applied = node.post(null, "/api/v1/organisations", "{\"name\":\"DE Hotline\",\"kind\":\"HOTLINE\",\"country\":\"de\",\"contact\":\"r@h.example\"}");
        assertThat(applied.status()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        assertThat(applied.json().get("state").asText()).isEqualTo("APPLIED");

        assertThat(node.post(admin, "/api/v1/organisations/" + id + "/votes", "{\"approve\":true}").status()).as("ADMIN is not BOARD").isEqualTo(403);
        LiveNode.Reply tally = node.post(board, "/api/v1/organisations/" + id + "/votes", "{\"approve\":true}");
        assertThat(tally.json().get("state").asText()).isEqualTo("APPROVED");
        assertThat(node.post(board, "/api/v1/organisations/" + id + "/votes", "{\"approve\":false}").status()).as("decided").isEqualTo(409);

        LiveNode.Reply signed = node.post(admin, "/api/v1/organisations/" + id + "/agreement", "{\"version\":\"2026-1\",\"signatory\":\"Jane Doe\"}");
        assertThat(signed.json().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(signed.json().get("country").asText()).isEqualTo("DE");

        LiveNode.Reply issued = node.post(admin, "/api/v1/organisations/" + id + "/tokens", "{\"role\":\"ADMIN\"}");
        assertThat(issued.status()).isEqualTo(201);
        String hotlineAdmin = issued.json().get("token").asText();
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").status()).isEqualTo(200);
        assertThat(node.get(hotlineAdmin, "/api/v1/organisations/" + id + "/tokens").body()).doesNotContain(hotlineAdmin);

        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + id + "/agreement", "{\"version\":\"x\",\"signatory\":\"y\"}").status()).isEqualTo(403);
        long operatorId = node.taskforce.operator.id();
        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + operatorId + "/tokens", "{\"role\":\"ADMIN\"}").status())
                .as("another organisation's tokens").isEqualTo(403);
        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + id + "/tokens", "{\"role\":\"VIEWER\"}").status())
                .as("its own tokens").isEqualTo(201);

        assertThat(node.post(admin, "/api/v1/organisations/" + id + "/suspend", "").status()).isEqualTo(200);
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").status()).isEqualTo(403);
        assertThat(node.post(admin, "/api/v1/organisations/" + id + "/reinstate", "").status()).isEqualTo(200);
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").status()).isEqualTo(200);
        assertThat(node.post(hotlineAdmin, "/api/v1/organisations/" + id + "/withdraw", "").json().get("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(node.get(hotlineAdmin, "/api/v1/banks").status()).isEqualTo(403);

        java.util.List<String> actions = new java.util.ArrayList<>();
        node.get(admin, "/api/v1/audit?limit=1000").json().get("events").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsSubsequence("organisation.apply", "organisation.vote", "organisation.agreement", "token.issue",
                "organisation.suspend", "organisation.reinstate", "organisation.withdraw");
        assertThat(node.get(admin, "/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();

        assertThat(node.post(null, "/api/v1/organisations", "{\"name\":\"DE Hotline\",\"kind\":\"HOTLINE\",\"country\":\"DE\"}").status()).isEqualTo(409);
        assertThat(node.post(null, "/api/v1/organisations", "{\"name\":\"X\",\"kind\":\"PIRATE\",\"country\":\"DE\"}").status()).isEqualTo(400);
        assertThat(node.post(null, "/api/v1/organisations", "{\"name\":\"X\",\"kind\":\"NGO\",\"country\":\"Germany\"}").status()).isEqualTo(400);
    }

    @Test
    void onlyTheNodeAdministratorGivesBoardSeatsAndAnAdminRevokesOnlyItsOwnOrganisationsTokens() {
        Organisation police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        Organisation hotline = node.taskforce.active("Hotline", OrganisationKind.HOTLINE);
        String policeAdmin = node.taskforce.token(police, Role.ADMIN);
        String policeViewer = node.taskforce.token(police, Role.VIEWER);
        long hotlineToken = node.taskforce.tokens.authenticate(node.taskforce.token(hotline, Role.ANALYST)).orElseThrow().tokenId();

        LiveNode.Reply ownBoard = node.post(policeAdmin, "/api/v1/organisations/" + police.id() + "/tokens", "{\"role\":\"BOARD\"}");
        assertThat(ownBoard.status()).as("an organisation cannot seat itself on the board").isEqualTo(403);
        assertThat(ownBoard.json().get("detail").asText()).contains("BOARD");
        assertThat(node.post(admin, "/api/v1/organisations/" + police.id() + "/tokens", "{\"role\":\"BOARD\"}").status()).isEqualTo(201);

        assertThat(node.send("DELETE", policeAdmin, "/api/v1/tokens/" + hotlineToken).status()).as("another's token").isEqualTo(404);
        assertThat(node.send("DELETE", policeAdmin, "/api/v1/tokens/" + (hotlineToken + 1000)).status()).as("no such token").isEqualTo(404);
        assertThat(node.send("DELETE", policeViewer, "/api/v1/tokens/" + hotlineToken).status()).as("a VIEWER revokes nothing").isEqualTo(403);
        // Issue 14: the node administrator no longer revokes another organisation's (non-BOARD) tokens; its own ADMIN does.
        assertThat(node.send("DELETE", admin, "/api/v1/tokens/" + hotlineToken).status()).as("the node administrator").isEqualTo(403);
        assertThat(node.send("DELETE", node.taskforce.token(hotline, Role.ADMIN), "/api/v1/tokens/" + hotlineToken).status())
                .as("the hotline's own ADMIN").isEqualTo(200);
    }

    @Test
    void theOpenApplicationFormTakesFiveApplicationsAnHourFromOneAddress() {
        for (int i = 0; i < OrganisationRoutes.APPLICATIONS.maxFailures(); i++) {
            assertThat(node.post(null, "/api/v1/organisations", "{\"name\":\"NGO " + i + "\",\"kind\":\"NGO\",\"country\":\"DE\"}").status())
                    .isEqualTo(201);
        }
        LiveNode.Reply flooded = node.post(null, "/api/v1/organisations", "{\"name\":\"NGO X\",\"kind\":\"NGO\",\"country\":\"DE\"}");
        assertThat(flooded.status()).isEqualTo(429);
        assertThat(flooded.json().get("type").asText()).isEqualTo("https://vgtx.io/problems/rate-limited");
        assertThat(node.taskforce.organisations.findByName("NGO X")).as("nothing written").isEmpty();

        node.clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(node.post(null, "/api/v1/organisations", "{\"name\":\"NGO X\",\"kind\":\"NGO\",\"country\":\"DE\"}").status()).isEqualTo(201);
    }

    @Test
    void overlongApplicationFieldsAreRefusedNamingTheField() {
        LiveNode.Reply reply = node.post(null, "/api/v1/organisations",
                "{\"name\":\"" + "N".repeat(201) + "\",\"kind\":\"NGO\",\"country\":\"DE\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("organisation name must be at most 200 characters");
    }

    @Test
    void unknownRevokedAndExpiredTokensAreAllRefusedAlike() {
        Organisation police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        String revoked = node.taskforce.token(police, Role.ANALYST);
        long revokedId = node.taskforce.tokens.authenticate(revoked).orElseThrow().tokenId();
        String expiring = node.taskforce.tokens.issue(police.id(), Role.ANALYST, java.util.Optional.of(Duration.ofDays(1)), "short").secret();
        assertThat(node.get(expiring, "/api/v1/banks").status()).isEqualTo(200);

        assertThat(node.post(admin, "/api/v1/organisations/" + police.id() + "/tokens", "{\"role\":\"VIEWER\",\"expiresInDays\":0}").status()).isEqualTo(400);
        assertThat(node.send("DELETE", node.taskforce.token(police, Role.ADMIN), "/api/v1/tokens/" + revokedId).status()).isEqualTo(200);
        node.clock.advance(Duration.ofDays(2));

        for (String token : new String[] {"vgtx_unknown", revoked, expiring}) {
            LiveNode.Reply reply = node.get(token, "/api/v1/banks");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("type").asText()).isEqualTo("https://vgtx.io/problems/unauthenticated");
        }
    }

    @Test
    void badRequestsGetProblemDetailsAndWriteNothing() {
        Organisation police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        String analyst = node.taskforce.token(police, Role.ANALYST);
        long bank = node.post(analyst, "/api/v1/banks", "{\"name\":\"b\",\"distribution\":\"GREEN\"}").json().get("id").asLong();

        LiveNode.Reply badHash = node.post(analyst, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + HASH + "\"},{\"type\":\"PDQ\",\"value\":\"12zz\"}]}");
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.json().get("detail").asText()).startsWith("entries[1]");
        assertThat(node.get(analyst, "/api/v1/banks/" + bank + "/entries").json().get("entries")).as("nothing written").isEmpty();

        assertThat(node.post(analyst, "/api/v1/banks/" + bank + "/entries", "{\"entries\":[{\"type\":\"SHA3\",\"value\":\"ab\"}]}").status()).isEqualTo(400);
        assertThat(node.post(analyst, "/api/v1/banks", "{\"name\":\"c\",\"distribution\":\"PURPLE\"}").status()).isEqualTo(400);
        assertThat(node.post(analyst, "/api/v1/banks", "{\"name\":\"c\",\"distribution\":").status()).isEqualTo(400);
        assertThat(node.post(analyst, "/api/v1/banks", "{\"name\":[1]}").status()).isEqualTo(400);
        assertThat(node.post(analyst, "/api/v1/match", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + HASH + "\"}],\"threshold\":40}").status()).isEqualTo(400);
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "{\"type\":\"MD5\",\"value\":\"" + "0".repeat(32) + "\"}")
                .collect(Collectors.joining(",", "{\"hashes\":[", "]}"));
        LiveNode.Reply many = node.post(analyst, "/api/v1/match", tooMany);
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().get("detail").asText()).contains("10000");
        assertThat(node.postLarge(analyst, "/api/v1/match", "x".repeat(3 * 1024 * 1024)).status()).isEqualTo(413);
        assertThat(node.get(analyst, "/api/v1/banks/abc/entries").status()).isEqualTo(400);
        assertThat(node.get(analyst, "/api/v1/banks/" + bank + "/export?format=docx").status()).isEqualTo(400);
        assertThat(node.get(analyst, "/api/v1/banks/" + (bank + 99) + "/entries").status()).isEqualTo(404);
    }

    @Test
    void anUploadedImageIsHashedInMemoryAndMatchesItsRotatedCopyInTheBank() throws Exception {
        Organisation police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        String analyst = node.taskforce.token(police, Role.ANALYST);
        byte[] image = Files.readAllBytes(TESTDATA.resolve("pdq/images/reg-test-input/dih/bridge-1-original.jpg"));
        byte[] rotated = Files.readAllBytes(TESTDATA.resolve("pdq/images/reg-test-input/dih/bridge-2-rotate-90.jpg"));
        JsonNode original = node.postBytes(analyst, "/api/v1/match/image", "image/jpeg", image).json();
        long bank = node.post(analyst, "/api/v1/banks", "{\"name\":\"b\",\"distribution\":\"AMBER\"}").json().get("id").asLong();
        node.post(analyst, "/api/v1/banks/" + bank + "/entries", "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + original.get("pdq").asText() + "\",\"label\":\"bridge\"}]}");

        JsonNode answer = node.postBytes(analyst, "/api/v1/match/image", "image/jpeg", rotated).json();

        assertThat(answer.get("matches")).singleElement().satisfies(m -> {
            assertThat(m.get("label").asText()).isEqualTo("bridge");
            assertThat(m.get("transform").asText()).isNotEqualTo("orig");
        });
        JsonNode notAnImage = node.postBytes(analyst, "/api/v1/match/image", "application/octet-stream", "not an image".getBytes()).json();
        assertThat(notAnImage.get("error").asText()).isNotBlank();
        assertThat(notAnImage.get("sha256").asText()).hasSize(64);
        assertThat(node.postBytes(analyst, "/api/v1/match/image", "text/plain", image).status()).isEqualTo(415);
        try (var files = Files.walk(tempDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("nothing but the database is written").allMatch(name -> name.startsWith("vgtx.db"));
        }
    }

    @Test
    void metricsCountLookedUpHashesAndTheIndexSize() {
        Organisation police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        String analyst = node.taskforce.token(police, Role.ANALYST);
        long bank = node.post(analyst, "/api/v1/banks", "{\"name\":\"b\",\"distribution\":\"GREEN\"}").json().get("id").asLong();
        node.post(analyst, "/api/v1/banks/" + bank + "/entries", "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + HASH + "\"}]}");
        node.post(analyst, "/api/v1/match", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + HASH + "\"},{\"type\":\"MD5\",\"value\":\"" + "0".repeat(32) + "\"}]}");

        String metrics = node.get(null, "/metrics").body();

        assertThat(metrics).contains("vgtx_index_entries{type=\"PDQ\"} 1.0").contains("vgtx_match_hashes_total 2.0")
                .contains("vgtx_match_hashes_matched_total 1.0");
    }
}
