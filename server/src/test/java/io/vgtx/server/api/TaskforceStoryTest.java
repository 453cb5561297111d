package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole cooperation story of issue 5 over HTTP, on both databases: three organisations in three countries — a
 * German hotline, the Dutch police (NL jurisdiction) and the Belgian police, who hold a case on the same picture.
 * A public report reaches the hotline; its assessment routes it to the Dutch police and warns the Belgian police
 * (deconfliction); the Belgians mark the series victim identified, which the next match shows; the content is taken
 * down and the time to removal shows in the statistics.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class TaskforceStoryTest {
    private static final String PICTURE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    String hotline, nlPolice, bePolice;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir, ReportSettings.fallback("INTERPOL"));
        Taskforce t = node.taskforce;
        hotline = t.token(t.organisation("DE Hotline", OrganisationKind.HOTLINE, "DE", MembershipState.ACTIVE), Role.ANALYST);
        Organisation nl = t.organisation("NL Police", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE);
        t.organisations.setJurisdictions(nl.id(), List.of("NL"));
        nlPolice = t.token(nl, Role.ANALYST);
        Organisation be = t.organisation("BE Police", OrganisationKind.LAW_ENFORCEMENT, "BE", MembershipState.ACTIVE);
        t.organisations.setJurisdictions(be.id(), List.of("BE"));
        bePolice = t.token(be, Role.ANALYST);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aPublicReportIsAssessedRoutedDeconflictedIdentifiedTakenDownAndCounted() {
        // The Belgian police know the picture: in their bank (series "be-bridge", GREEN) and in an open case.
        long bank = node.post(bePolice, "/api/v1/banks", "{\"name\":\"be-known\",\"distribution\":\"GREEN\",\"category\":\"A\"}").json().get("id").asLong();
        assertThat(node.post(bePolice, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + PICTURE + "\",\"series\":\"be-bridge\"}]}").status()).isEqualTo(200);
        long beCase = node.post(bePolice, "/api/v1/cases", "{\"title\":\"Operation Bridge\",\"reference\":\"BE-2026-4\"}").json().get("id").asLong();
        assertThat(node.post(bePolice, "/api/v1/cases/" + beCase + "/hashes",
                "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + PICTURE + "\"}]}").status()).isEqualTo(200);

        // 1. A member of the public reports a URL hosted in the Netherlands to the German hotline.
        LiveNode.Reply made = node.post(hotline, "/api/v1/reports", "{\"url\":\"https://files.example.nl/x\",\"hashes\":[{\"type\":\"PDQ\",\"value\":\""
                + PICTURE + "\"}],\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\",\"uploaderCountry\":\"BE\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long report = made.json().get("id").asLong();

        // 2. The hotline assesses it illegal: the bank match is attached, and it is routed to the Dutch police.
        node.clock.advance(Duration.ofHours(2));
        JsonNode assessed = node.post(hotline, "/api/v1/reports/" + report + "/assessment", "{\"illegal\":true,\"category\":\"A\"}").json();
        assertThat(assessed.get("state").asText()).isEqualTo("ROUTED");
        assertThat(assessed.get("results").get(0).get("matches").get(0).get("bank").asText()).isEqualTo("be-known");
        assertThat(assessed.get("routing").get("receivers")).extracting(r -> r.get("organisation").asText()).containsExactly("NL Police");

        // 3. The Dutch police see it in their queue and were told.
        assertThat(node.get(nlPolice, "/api/v1/reports?queue=incoming").json().get("reports"))
                .extracting(r -> r.get("id").asLong()).containsExactly(report);
        assertThat(kinds(nlPolice)).contains("REPORT_ROUTED");

        // 4. Deconfliction: the Belgian case and the German report touch the same picture; each is told of the other.
        JsonNode toBelgium = only(bePolice, "DECONFLICTION");
        assertThat(toBelgium.get("details").get("counterpart").asText()).isEqualTo("DE Hotline");
        JsonNode toHotline = only(hotline, "DECONFLICTION");
        assertThat(toHotline.get("details").get("counterpart").asText()).isEqualTo("BE Police");

        // 5. The Belgian police identify the victim: every later match on the picture says so.
        assertThat(node.post(bePolice, "/api/v1/series/be-bridge/victim-identified", "{\"on\":\"2026-01-01\"}").status()).isEqualTo(200);
        JsonNode match = node.post(nlPolice, "/api/v1/match", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + PICTURE + "\"}]}")
                .json().get("results").get(0).get("matches").get(0);
        assertThat(match.get("victimIdentified").asBoolean()).isTrue();
        assertThat(match.get("identifiedBy").asText()).isEqualTo("BE Police");

        // 6. Takedown: notice, removal (by the police), confirmation (by the hotline).
        node.clock.advance(Duration.ofHours(1));
        assertThat(node.post(nlPolice, "/api/v1/reports/" + report + "/takedown", "{\"step\":\"NOTICE_SENT\"}").status()).isEqualTo(200);
        node.clock.advance(Duration.ofHours(9));
        assertThat(node.post(nlPolice, "/api/v1/reports/" + report + "/takedown", "{\"step\":\"REMOVED\"}").status()).isEqualTo(200);
        node.clock.advance(Duration.ofHours(1));
        JsonNode confirmed = node.post(hotline, "/api/v1/reports/" + report + "/takedown", "{\"step\":\"REMOVAL_CONFIRMED\"}").json();
        assertThat(confirmed.get("state").asText()).isEqualTo("REMOVAL_CONFIRMED");

        // 7. Statistics: twelve hours from report to removal, in the Netherlands.
        JsonNode stats = node.get(bePolice, "/api/v1/reports/statistics").json();
        assertThat(stats.get("byCountry")).singleElement().satisfies(country -> {
            assertThat(country.get("country").asText()).isEqualTo("NL");
            assertThat(country.get("count").asLong()).isEqualTo(1);
            assertThat(country.get("medianHours").asDouble()).isEqualTo(12.0);
        });

        // The Belgian police, who neither made nor received the report, cannot read it; the trail is intact.
        assertThat(node.get(bePolice, "/api/v1/reports/" + report).status()).isEqualTo(404);
        String admin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        assertThat(node.get(admin, "/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    private List<String> kinds(String token) {
        List<String> kinds = new ArrayList<>();
        node.get(token, "/api/v1/notifications").json().get("notifications").forEach(n -> kinds.add(n.get("kind").asText()));
        return kinds;
    }

    private JsonNode only(String token, String kind) {
        List<JsonNode> found = new ArrayList<>();
        node.get(token, "/api/v1/notifications").json().get("notifications").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) found.add(n);
        });
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }
}
