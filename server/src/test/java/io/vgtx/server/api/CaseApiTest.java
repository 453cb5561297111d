package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases, series and deconfliction over HTTP, as a script with curl would drive them, on both databases. */
@ParameterizedClass
@EnumSource(Backend.class)
class CaseApiTest {
    private static final String AMBER = "a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0".repeat(2);
    private static final String GREEN = "6f1ed002ab5595859014ebf0951522d9".repeat(2);

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    Organisation policeA, policeB, hotline;
    String a, b, bViewer, hotlineAnalyst, admin;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir);
        policeA = node.taskforce.active("Police A", OrganisationKind.LAW_ENFORCEMENT);
        policeB = node.taskforce.active("Police B", OrganisationKind.LAW_ENFORCEMENT);
        hotline = node.taskforce.active("Hotline", OrganisationKind.HOTLINE);
        a = node.taskforce.token(policeA, Role.ANALYST);
        b = node.taskforce.token(policeB, Role.ANALYST);
        bViewer = node.taskforce.token(policeB, Role.VIEWER);
        hotlineAnalyst = node.taskforce.token(hotline, Role.ANALYST);
        admin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        long bank = node.post(a, "/api/v1/banks", "{\"name\":\"a-bank\",\"distribution\":\"AMBER\"}").json().get("id").asLong();
        assertThat(node.post(a, "/api/v1/banks/" + bank + "/entries", "{\"entries\":["
                + "{\"type\":\"PDQ\",\"value\":\"" + AMBER + "\",\"series\":\"Series Amber\",\"label\":\"amber-label\"},"
                + "{\"type\":\"PDQ\",\"value\":\"" + GREEN + "\",\"series\":\"series-green\",\"distribution\":\"GREEN\"}]}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long open(String token, String title) {
        LiveNode.Reply reply = node.post(token, "/api/v1/cases", "{\"title\":\"" + title + "\",\"reference\":\"REF-1\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("state").asText()).isEqualTo("OPEN");
        return reply.json().get("id").asLong();
    }

    private List<JsonNode> notifications(String token, String kind) {
        List<JsonNode> found = new ArrayList<>();
        node.get(token, "/api/v1/notifications").json().get("notifications").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) found.add(n);
        });
        return found;
    }

    private static String flip(String hex, int bits) {
        BigInteger value = new BigInteger(hex, 16);
        for (int i = 0; i < bits; i++) value = value.flipBit(255 - i);
        return String.format("%064x", value);
    }

    @Test
    void twoAgenciesOpenCasesOnTheSameHashAndBothAreToldOfEachOther() {
        long caseA = open(a, "Operation Alpha");
        long caseB = open(b, "Operation Beta");
        LiveNode.Reply linkA = node.post(a, "/api/v1/cases/" + caseA + "/hashes", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + AMBER + "\"}]}");
        assertThat(linkA.json().get("added").asInt()).isEqualTo(1);
        LiveNode.Reply linkB = node.post(b, "/api/v1/cases/" + caseB + "/hashes",
                "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + flip(AMBER, 6) + "\"},{\"type\":\"md5\",\"value\":\"" + "0".repeat(32) + "\"}]}");
        assertThat(linkB.status()).as(linkB.body()).isEqualTo(200);
        assertThat(linkB.json().get("added").asInt()).isEqualTo(2);
        assertThat(linkB.json().get("alerted").asInt()).isEqualTo(1);

        assertThat(notifications(a, "DECONFLICTION")).singleElement().satisfies(n -> {
            assertThat(n.get("subject").asText()).isEqualTo("case:" + caseA);
            assertThat(n.get("details").get("counterpart").asText()).isEqualTo("Police B");
            assertThat(n.get("details").get("contact").asText()).isEqualTo("police.b@example.org");
            assertThat(n.get("details").get("hashes").asText()).isEqualTo("PDQ:" + AMBER);
        });
        assertThat(notifications(bViewer, "DECONFLICTION")).singleElement().satisfies(n -> {
            assertThat(n.get("details").get("counterpart").asText()).isEqualTo("Police A");
            assertThat(n.get("details").get("hashes").asText()).isEqualTo("PDQ:" + flip(AMBER, 6));
        });

        JsonNode onlyAlerts = node.get(bViewer, "/api/v1/notifications?kind=DECONFLICTION").json().get("notifications");
        assertThat(onlyAlerts).singleElement().satisfies(n -> assertThat(n.get("details").get("cases").asText()).isEqualTo(String.valueOf(caseB)));
        assertThat(node.get(bViewer, "/api/v1/notifications?kind=match_hit,REPORT_ROUTED").json().get("notifications")).isEmpty();
        LiveNode.Reply badKind = node.get(bViewer, "/api/v1/notifications?kind=DECONFLICTION,NOPE");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("detail").asText()).contains("'NOPE'");

        JsonNode detail = node.get(bViewer, "/api/v1/cases/" + caseB).json();
        assertThat(detail.get("details").get("title").asText()).isEqualTo("Operation Beta");
        assertThat(detail.get("hashes")).hasSize(2);
        assertThat(node.get(b, "/api/v1/cases").json().get("cases")).singleElement()
                .satisfies(c -> assertThat(c.get("id").asLong()).isEqualTo(caseB));
        assertThat(node.get(b, "/api/v1/cases/" + caseA).status()).isEqualTo(404);
        assertThat(node.get(hotlineAnalyst, "/api/v1/cases").status()).isEqualTo(403);
        assertThat(node.post(bViewer, "/api/v1/cases", "{\"title\":\"x\"}").status()).isEqualTo(403);

        List<String> actions = new ArrayList<>();
        node.get(admin, "/api/v1/audit?limit=1000").json().get("events").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("case.open", "case.link_hashes", "deconfliction.alert", "case.read", "cases.read");
        assertThat(node.get(admin, "/api/v1/audit?limit=1000").body()).doesNotContain("Operation Alpha").doesNotContain("REF-1");
    }

    @Test
    void aHotlinesMatchOnACaseHashIsAHitNoHitAlertAndTheMarkShowsOnMatchesAndHits() {
        long caseA = open(a, "Alpha");
        node.post(a, "/api/v1/cases/" + caseA + "/series", "{\"series\":[\"Series Amber\"]}");
        LiveNode.Reply marked = node.post(b, "/api/v1/series/Series%20Amber/victim-identified", "{\"on\":\"2025-11-01\"}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("identifiedBy").asText()).isEqualTo("Police B");

        String near = flip(AMBER, 5);
        String query = "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + near + "\"}]}";
        JsonNode seen = node.post(bViewer, "/api/v1/match", query).json().get("results").get(0);
        assertThat(seen.get("matches")).singleElement().satisfies(m -> {
            assertThat(m.get("series").asText()).isEqualTo("Series Amber");
            assertThat(m.get("victimIdentified").asBoolean()).isTrue();
            assertThat(m.get("identifiedBy").asText()).isEqualTo("Police B");
            assertThat(m.get("identifiedOn").asText()).isEqualTo("2025-11-01");
        });
        LiveNode.Reply hit = node.post(hotlineAnalyst, "/api/v1/match", query);
        JsonNode hitResult = hit.json().get("results").get(0);
        assertThat(hitResult.get("matches")).isEmpty();
        assertThat(hitResult.get("hits")).singleElement().satisfies(h -> {
            assertThat(h.get("organisation").asText()).isEqualTo("Police A");
            assertThat(h.get("victimIdentified").asBoolean()).isTrue();
            assertThat(h.get("identifiedBy").asText()).isEqualTo("Police B");
        });
        assertThat(hit.body()).doesNotContain("Series Amber").doesNotContain(AMBER).doesNotContain("amber-label");

        assertThat(notifications(hotlineAnalyst, "DECONFLICTION")).singleElement().satisfies(n -> {
            assertThat(n.get("details").get("counterpart").asText()).isEqualTo("Police A");
            assertThat(n.get("details").get("hashes").asText()).isEqualTo("PDQ:" + near);
            assertThat(n.toString()).doesNotContain("Series Amber").doesNotContain(AMBER);
        });
        assertThat(notifications(a, "DECONFLICTION")).extracting(n -> n.get("details").get("counterpart").asText())
                .containsExactlyInAnyOrder("Police B", "Hotline");

        JsonNode series = node.get(hotlineAnalyst, "/api/v1/series/series-green").json();
        assertThat(series.get("victimIdentified").asBoolean()).isFalse();
        assertThat(node.get(hotlineAnalyst, "/api/v1/series/Series%20Amber").status()).isEqualTo(404);
        assertThat(node.get(a, "/api/v1/series/Series%20Amber").json().get("cases")).singleElement()
                .satisfies(c -> assertThat(c.asLong()).isEqualTo(caseA));
        assertThat(node.send("DELETE", a, "/api/v1/series/Series%20Amber/victim-identified").status()).isEqualTo(403);
        assertThat(node.send("DELETE", b, "/api/v1/series/Series%20Amber/victim-identified").status()).isEqualTo(204);
        assertThat(node.get(a, "/api/v1/series/Series%20Amber").json().get("victimIdentified").asBoolean()).isFalse();
        assertThat(node.post(a, "/api/v1/series/Series%20Amber/victim-identified", "").status()).as("no body: today").isEqualTo(200);
    }

    @Test
    void aRetractionReachesTheCasesThatLinkedTheHash() {
        long caseB = open(b, "Beta");
        node.post(b, "/api/v1/cases/" + caseB + "/hashes", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + GREEN + "\"}]}");
        long entry = node.post(a, "/api/v1/match", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + GREEN + "\"}]}")
                .json().get("results").get(0).get("matches").get(0).get("entry").asLong();

        assertThat(node.post(a, "/api/v1/entries/" + entry + "/retract", "").status()).isEqualTo(200);

        assertThat(notifications(b, "ENTRY_WITHDRAWN_FROM_CASE")).singleElement().satisfies(n -> {
            assertThat(n.get("subject").asText()).isEqualTo("case:" + caseB);
            assertThat(n.get("details").get("entry").asLong()).isEqualTo(entry);
            assertThat(n.get("details").get("owner").asText()).isEqualTo("Police A");
        });
    }

    @Test
    void badRequestsGetProblemDetails() {
        long caseA = open(a, "Alpha");
        assertThat(node.post(a, "/api/v1/cases", "{\"reference\":\"x\"}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/cases", "{\"title\":\"" + "x".repeat(201) + "\"}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/cases", "{\"title\":\"x\",\"owner\":\"Police B\"}").status()).isEqualTo(400);
        LiveNode.Reply badHash = node.post(a, "/api/v1/cases/" + caseA + "/hashes", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"12zz\"}]}");
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.json().get("detail").asText()).startsWith("hashes[0]");
        assertThat(node.post(a, "/api/v1/cases/" + caseA + "/hashes", "{\"hashes\":[]}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/cases/" + caseA + "/hashes", "{\"hashes\":[{\"type\":\"SHA3\",\"value\":\"ab\"}]}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/cases/abc/hashes", "{\"hashes\":[]}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/cases/" + caseA + "/series", "{\"series\":[\" \"]}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/cases/" + caseA + "/series", "{\"series\":[\"unknown\"]}").status()).isEqualTo(404);
        assertThat(node.post(a, "/api/v1/cases/" + caseA + "/state", "{\"state\":\"ARCHIVED\"}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/cases/" + caseA + "/state", "{\"state\":\"CLOSED\"}").json().get("state").asText()).isEqualTo("CLOSED");
        LiveNode.Reply closed = node.post(a, "/api/v1/cases/" + caseA + "/hashes", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + GREEN + "\"}]}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("type").asText()).isEqualTo("https://vgtx.io/problems/conflict");
        assertThat(node.post(a, "/api/v1/series/series-green/victim-identified", "{\"on\":\"2999-01-01\"}").status()).isEqualTo(400);
        assertThat(node.post(a, "/api/v1/series/series-green/victim-identified", "{\"on\":\"yesterday\"}").status()).isEqualTo(400);
        assertThat(node.post(hotlineAnalyst, "/api/v1/series/series-green/victim-identified", "{}").status()).isEqualTo(403);
        assertThat(node.post(a, "/api/v1/series/series-green/victim-identified", "{}").status()).isEqualTo(200);
        assertThat(node.post(b, "/api/v1/series/series-green/victim-identified", "{}").status()).isEqualTo(409);
        assertThat(node.send("DELETE", b, "/api/v1/series/nothing/victim-identified").status()).isEqualTo(404);
    }
}
