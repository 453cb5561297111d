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

/** The report routes over HTTP, as a hotline and the police would drive them with curl, on both databases. */
@ParameterizedClass
@EnumSource(Backend.class)
class ReportApiTest {
    private static final String GREEN_HASH = "6f1ed002ab5595859014ebf0951522d9".repeat(2);

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    String hotline, police, policeViewer, dutchHotline, outsider, operatorAdmin;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir, ReportSettings.fallback("INTERPOL"));
        Taskforce t = node.taskforce;
        operatorAdmin = t.token(t.operator, Role.ADMIN);
        hotline = t.token(t.active("DE Hotline", OrganisationKind.HOTLINE), Role.ANALYST);
        Organisation nlPolice = t.organisation("NL Police", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE);
        t.organisations.setJurisdictions(nlPolice.id(), List.of("NL"));
        police = t.token(nlPolice, Role.ANALYST);
        policeViewer = t.token(nlPolice, Role.VIEWER);
        dutchHotline = t.token(t.organisation("NL Hotline", OrganisationKind.HOTLINE, "NL", MembershipState.ACTIVE), Role.ANALYST);
        t.organisation("INTERPOL", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.ACTIVE);
        outsider = t.token(t.active("BE Police", OrganisationKind.LAW_ENFORCEMENT), Role.ADMIN);
        String bank = node.post(operatorAdmin, "/api/v1/banks", "{\"name\":\"known\",\"distribution\":\"GREEN\",\"category\":\"B\"}").json().get("id").asText();
        assertThat(node.post(operatorAdmin, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + GREEN_HASH + "\"}]}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long report(String country) {
        LiveNode.Reply made = node.post(hotline, "/api/v1/reports", "{\"url\":\"https://host.example/x\",\"hashes\":[{\"type\":\"PDQ\",\"value\":\""
                + GREEN_HASH + "\"}],\"source\":\"PUBLIC\",\"hostingCountry\":\"" + country + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    @Test
    void aHotlineReportIsAssessedRoutedToTheNlPoliceAndTakenDownWithTimeToRemoval() {
        LiveNode.Reply made = node.post(hotline, "/api/v1/reports", "{\"url\":\"https://host.example/x\",\"hashes\":[{\"type\":\"PDQ\",\"value\":\""
                + GREEN_HASH.toUpperCase() + "\"}],\"source\":\"PARTNER\",\"hostingCountry\":\"nl\",\"uploaderCountry\":\"DE\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode report = made.json();
        long id = report.get("id").asLong();
        assertThat(report.get("state").asText()).isEqualTo("RECEIVED");
        assertThat(report.get("relation").asText()).isEqualTo("REPORTER");
        assertThat(report.get("hostingCountry").asText()).isEqualTo("NL");
        assertThat(report.get("hashes").get(0).get("value").asText()).isEqualTo(GREEN_HASH);
        assertThat(report.get("reportedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");

        node.clock.advance(Duration.ofHours(2));
        LiveNode.Reply assessed = node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        assertThat(assessed.json().get("state").asText()).isEqualTo("ROUTED");
        assertThat(assessed.json().get("assessment").get("category").asText()).isEqualTo("A");
        List<String> receivers = new ArrayList<>();
        assessed.json().get("routing").get("receivers").forEach(r -> receivers.add(r.get("organisation").asText() + ":" + r.get("reason").asText()));
        assertThat(receivers).containsExactly("NL Police:JURISDICTION", "NL Hotline:HOTLINE");
        JsonNode match = assessed.json().get("results").get(0).get("matches").get(0);
        assertThat(match.get("bank").asText()).isEqualTo("known");
        assertThat(match.get("distance").asInt()).isZero();
        assertThat(match.get("category").asText()).isEqualTo("B");

        LiveNode.Reply incoming = node.get(policeViewer, "/api/v1/reports?queue=incoming");
        assertThat(incoming.json().get("reports")).singleElement().satisfies(item -> {
            assertThat(item.get("id").asLong()).isEqualTo(id);
            assertThat(item.get("relation").asText()).isEqualTo("RECEIVER");
            assertThat(item.get("category").asText()).isEqualTo("A");
        });
        assertThat(node.get(policeViewer, "/api/v1/reports?queue=own").json().get("reports")).isEmpty();
        JsonNode told = node.get(policeViewer, "/api/v1/notifications").json().get("notifications");
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.get("kind").asText()).isEqualTo("REPORT_ROUTED");
            assertThat(n.get("subject").asText()).isEqualTo("report:" + id);
        });

        node.clock.advance(Duration.ofHours(1));
        assertThat(node.post(policeViewer, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"NOTICE_SENT\"}").status()).isEqualTo(403);
        assertThat(node.post(police, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"NOTICE_SENT\"}").json().get("state").asText())
                .isEqualTo("NOTICE_SENT");
        node.clock.advance(Duration.ofHours(30));
        LiveNode.Reply removed = node.post(dutchHotline, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"REMOVED\",\"at\":\"2026-01-02T09:00:00Z\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("takedown").get("removed").get("organisation").asText()).isEqualTo("NL Hotline");
        assertThat(removed.json().get("takedown").get("hoursToRemoval").asDouble()).isEqualTo(33.0);
        LiveNode.Reply confirmed = node.post(hotline, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"REMOVAL_CONFIRMED\"}");
        assertThat(confirmed.json().get("state").asText()).isEqualTo("REMOVAL_CONFIRMED");
        assertThat(confirmed.json().get("takedown").get("removalConfirmed").get("at").asText()).isEqualTo("2026-01-02T09:00:00Z");

        JsonNode stats = node.get(outsider, "/api/v1/reports/statistics?from=2026-01-01&to=2026-02-01").json();
        assertThat(stats.get("overall").get("count").asLong()).isEqualTo(1);
        assertThat(stats.get("overall").get("medianHours").asDouble()).isEqualTo(33.0);
        assertThat(stats.get("byCountry").get(0).get("country").asText()).isEqualTo("NL");
        assertThat(stats.get("byMonth").get(0).get("month").asText()).isEqualTo("2026-01");
        assertThat(stats.toString()).doesNotContain("host.example").doesNotContain("Hotline").doesNotContain("Police");
        assertThat(node.get(outsider, "/api/v1/reports/statistics?scope=readable").json().get("overall").get("count").asLong()).isZero();
        assertThat(node.get(outsider, "/api/v1/reports/statistics?from=2026-01-02T10:00:00Z").json().get("overall").get("count").asLong()).isZero();

        JsonNode events = node.get(operatorAdmin, "/api/v1/audit?limit=1000").json().get("events");
        List<String> actions = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("subject").asText().equals("report:" + id)) actions.add(e.get("action").asText());
        });
        assertThat(actions).containsExactly("report.create", "report.assess", "report.route", "report.takedown", "report.takedown", "report.takedown");
        assertThat(events.toString()).contains("\"report.list\"").doesNotContain("host.example");
        assertThat(node.get(operatorAdmin, "/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void eachStepNamesWhoRecordedItAConsoleUserByLoginATokenByItsId() {
        Organisation hotlineOrg = node.taskforce.organisations.findByName("DE Hotline").orElseThrow();
        long hotlineId = hotlineOrg.id();
        LiveNode.Reply user = node.post(node.taskforce.token(hotlineOrg, Role.ADMIN), "/api/v1/organisations/" + hotlineId + "/users",
                "{\"login\":\"anna\",\"role\":\"ANALYST\",\"password\":\"correct horse battery\"}");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        long userId = user.json().get("user").get("id").asLong();
        ConsoleClient anna = new ConsoleClient(node.server.uri());
        assertThat(anna.signIn("anna", "correct horse battery").status()).isEqualTo(200);
        ConsoleClient.Reply made = anna.post("/api/v1/reports", "{\"url\":\"https://host.example/x\",\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().get("created").get("actor").asText()).isEqualTo("user:" + userId + " anna");
        assertThat(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"A\"}").status()).isEqualTo(200);
        assertThat(node.post(police, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"NOTICE_SENT\"}").status()).isEqualTo(200);
        long policeToken = node.taskforce.tokens.authenticate(police).orElseThrow().tokenId();
        long hotlineToken = node.taskforce.tokens.authenticate(hotline).orElseThrow().tokenId();

        JsonNode read = node.get(policeViewer, "/api/v1/reports/" + id).json();
        assertThat(read.get("created").get("actor").asText()).isEqualTo("user:" + userId + " anna");
        assertThat(read.get("created").get("organisation").asText()).isEqualTo("DE Hotline");
        assertThat(read.get("assessment").get("assessed").get("actor").asText()).isEqualTo("token:" + hotlineToken);
        assertThat(read.get("takedown").get("noticeSent").get("actor").asText()).isEqualTo("token:" + policeToken);
        assertThat(node.get(outsider, "/api/v1/reports/" + id).status()).as("who recorded it is no one else's business").isEqualTo(404);
    }

    @Test
    void readingAReportIsAuditedAndOutsidersFindNothing() {
        long id = report("NL");
        assertThat(problem(node.get(outsider, "/api/v1/reports/" + id), 404)).as("as if it did not exist").isEqualTo("no report " + id);
        assertThat(problem(node.get(outsider, "/api/v1/reports/999999"), 404)).isEqualTo("no report 999999");
        assertThat(node.get(police, "/api/v1/reports/" + id).status()).as("not routed before assessment").isEqualTo(404);
        assertThat(node.get(hotline, "/api/v1/reports/" + id).status()).isEqualTo(200);
        JsonNode last = lastAuditEvent();
        assertThat(last.get("action").asText()).isEqualTo("report.read");
        assertThat(last.get("subject").asText()).isEqualTo("report:" + id);
        assertThat(last.get("organisation").asText()).isEqualTo("DE Hotline");
    }

    private JsonNode lastAuditEvent() {
        JsonNode events = node.get(operatorAdmin, "/api/v1/audit?limit=1000").json().get("events");
        return events.get(events.size() - 1);
    }

    @Test
    void withoutLawEnforcementForTheCountryTheConfiguredFallbackReceivesIt() {
        long id = report("FR");
        LiveNode.Reply assessed = node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"EXPLOITATIVE\"}");
        assertThat(assessed.json().get("state").asText()).isEqualTo("ROUTED");
        assertThat(assessed.json().get("routing").get("receivers").get(0).get("organisation").asText()).isEqualTo("INTERPOL");
        assertThat(assessed.json().get("routing").get("receivers").get(0).get("reason").asText()).isEqualTo("FALLBACK");
        assertThat(assessed.json().get("routing").get("note").asText()).contains("fallback organisation 'INTERPOL'");
        assertThat(node.post(hotline, "/api/v1/reports/" + id + "/route", "").json().get("state").asText()).isEqualTo("ROUTED");
    }

    @Test
    void aReportAssessedAsNotIllegalNeedsAReasonAndGoesNowhere() {
        long id = report("NL");
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":false}"), 400)).contains("reason");
        LiveNode.Reply assessed = node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":false,\"reason\":\"adult, verified\"}");
        assertThat(assessed.json().get("state").asText()).isEqualTo("NOT_ILLEGAL");
        assertThat(assessed.json().get("assessment").get("reason").asText()).isEqualTo("adult, verified");
        assertThat(assessed.json().get("routing").get("receivers")).isEmpty();
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/route", ""), 409)).contains("NOT_ILLEGAL");
    }

    @Test
    void badInputIsA400NamingTheFieldAndAnIllegalStepA409() {
        String base = "\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\"";
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"source\":\"PUBLIC\"}"), 400)).contains("hostingCountry");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"source\":\"PUBLIC\",\"hostingCountry\":\"Netherlands\"}"), 400))
                .contains("hostingCountry");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"uploaderCountry\":\"1\"," + base + "}"), 400))
                .contains("uploaderCountry");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"source\":\"EMAIL\",\"hostingCountry\":\"NL\"}"), 400))
                .contains("source");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"hostingCountry\":\"NL\"}"), 400)).contains("source");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{" + base + "}"), 400)).contains("url");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"no scheme\"," + base + "}"), 400)).contains("url");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"" + GREEN_HASH + "\"},"
                + "{\"type\":\"MD6\",\"value\":\"00\"}]," + base + "}"), 400)).contains("hashes[1]");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"hashes\":[{\"type\":\"PDQ\",\"value\":\"abc\"}]," + base + "}"), 400))
                .contains("hashes[0]");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"image\":\"AAAA\"," + base + "}"), 400))
                .contains("image");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"reportedAt\":\"yesterday\"," + base + "}"), 400))
                .contains("reportedAt");
        assertThat(problem(node.post(hotline, "/api/v1/reports", "{\"url\":\"https://x.example/\",\"reportedAt\":\"2027-01-01T00:00:00Z\"," + base + "}"), 400))
                .contains("reportedAt").contains("future");

        long id = report("NL");
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{}"), 400)).contains("illegal");
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true}"), 400)).contains("category");
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"NOT_ILLEGAL\"}"), 400))
                .contains("category");
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"D\"}"), 400)).contains("category");
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"NOTICE_SENT\"}"), 409))
                .contains("cannot go from RECEIVED to NOTICE_SENT");
        assertThat(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"C\"}").status()).isEqualTo(200);
        assertThat(problem(node.post(hotline, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"C\"}"), 409))
                .contains("cannot go from ROUTED to ASSESSED");
        assertThat(problem(node.post(police, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"GONE\"}"), 400)).contains("step");
        assertThat(problem(node.post(police, "/api/v1/reports/" + id + "/takedown", "{}"), 400)).contains("step");
        assertThat(problem(node.post(police, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"NOTICE_SENT\",\"at\":\"soon\"}"), 400)).contains("at");
        assertThat(problem(node.post(police, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"NOTICE_SENT\",\"at\":\"2025-01-01T00:00:00Z\"}"), 400))
                .contains("at: ").contains("before");
        assertThat(problem(node.post(police, "/api/v1/reports/" + id + "/takedown", "{\"step\":\"REMOVED\"}"), 409)).contains("the next step is NOTICE_SENT");
        assertThat(problem(node.post(police, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"C\"}"), 403))
                .contains("only the reporting organisation");

        assertThat(problem(node.get(hotline, "/api/v1/reports/abc"), 400)).contains("id");
        assertThat(problem(node.get(hotline, "/api/v1/reports/0"), 400)).contains("id");
        assertThat(problem(node.get(hotline, "/api/v1/reports?queue=mine"), 400)).contains("queue");
        assertThat(problem(node.get(hotline, "/api/v1/reports?state=DONE"), 400)).contains("state");
        assertThat(problem(node.get(hotline, "/api/v1/reports?limit=101"), 400)).contains("limit");
        assertThat(problem(node.get(hotline, "/api/v1/reports/statistics?from=last-week"), 400)).contains("from");
        assertThat(problem(node.get(hotline, "/api/v1/reports/statistics?from=2026-02-01&to=2026-01-01"), 400)).contains("from");
        assertThat(problem(node.get(hotline, "/api/v1/reports/statistics?scope=mine"), 400)).contains("scope");
    }

    @Test
    void listsPageAndFilterByState() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(report("NL"));
        node.post(hotline, "/api/v1/reports/" + ids.get(1) + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        JsonNode first = node.get(hotline, "/api/v1/reports?limit=2").json();
        assertThat(first.get("reports")).extracting(r -> r.get("id").asLong()).containsExactly(ids.get(0), ids.get(1));
        JsonNode second = node.get(hotline, "/api/v1/reports?limit=2&after=" + first.get("next").asLong()).json();
        assertThat(second.get("reports")).extracting(r -> r.get("id").asLong()).containsExactly(ids.get(2));
        assertThat(second.has("next") && !second.get("next").isNull()).isFalse();
        assertThat(node.get(hotline, "/api/v1/reports?state=received").json().get("reports")).extracting(r -> r.get("id").asLong())
                .containsExactly(ids.get(0), ids.get(2));
        assertThat(node.get(police, "/api/v1/reports").json().get("reports")).extracting(r -> r.get("id").asLong()).containsExactly(ids.get(1));
    }

    @Test
    void everyReportRouteIsInTheOpenApiDocument() {
        JsonNode paths = node.get(null, "/openapi.json").json().get("paths");
        assertThat(paths.has("/api/v1/reports")).isTrue();
        assertThat(paths.get("/api/v1/reports/{id}/takedown").get("post").get("summary").asText()).contains("takedown");
        assertThat(paths.get("/api/v1/reports/statistics").get("get").get("parameters").toString()).contains("from").contains("scope");
    }

    /** The problem's detail, after checking the status and that it is a problem document. */
    private static String problem(LiveNode.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("type").asText()).startsWith("https://vgtx.io/problems/");
        return reply.json().get("detail").asText();
    }
}
