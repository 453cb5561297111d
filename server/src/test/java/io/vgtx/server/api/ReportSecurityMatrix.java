package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report read path (the report, the lists, the queue, the counts, the statistics) and the write paths' answers, for every
 * organisation kind × membership state × token role, plus the reporter, its receivers and a receiver suspended since.
 * A German hotline reports a URL hosted in NL with three hashes, matching a Belgian police bank's AMBER, GREEN and
 * RED entries (RED shared with the hotline), and assesses it illegal: it is routed to every ACTIVE law-enforcement
 * organisation and hotline with NL jurisdiction. The expected answers are restated from the rules, independently of
 * the code:
 * <ul>
 *   <li>a reader is an ACTIVE organisation's ADMIN, ANALYST or VIEWER; a writer its ADMIN or ANALYST; anyone else 403;</li>
 *   <li>a reader that neither made the report nor received it gets 404 — the same as for a report that does not exist;</li>
 *   <li>GREEN entries are shown to every reader of the report; the RED entry only to the reporter (its recipient);
 *       the AMBER entry to no one, because the assessing hotline could not see it: everyone gets the owner as a hit.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportSecurityMatrix {
    private static final Map<Distribution, String> HASHES = new EnumMap<>(Map.of(
            Distribution.AMBER, "a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0".repeat(2),
            Distribution.GREEN, "6f1ed002ab5595859014ebf0951522d9".repeat(2),
            Distribution.RED, "0f0f1e1e2d2d3c3c4b4b5a5a69697878".repeat(2)));
    private static final List<Distribution> ORDER = List.of(Distribution.AMBER, Distribution.GREEN, Distribution.RED);
    private static final List<MembershipState> STATES = List.of(MembershipState.APPLIED, MembershipState.APPROVED,
            MembershipState.ACTIVE, MembershipState.SUSPENDED, MembershipState.WITHDRAWN, MembershipState.REJECTED);
    private static final String URL = "https://hosting.example.nl/secret-path";

    enum Relation { REPORTER, RECEIVER, NONE }

    record Viewer(String name, OrganisationKind kind, MembershipState state, Role role, String token, Relation relation) {
        boolean reads() {
            return state == MembershipState.ACTIVE && role != Role.BOARD;
        }

        boolean writes() {
            return reads() && role != Role.VIEWER;
        }

        /** Whether this viewer's organisation may read the report (if its token may read at all). */
        boolean party() {
            return relation != Relation.NONE;
        }

        Set<Long> visibleEntries(Map<Distribution, Long> entries) {
            Set<Long> visible = new HashSet<>();
            visible.add(entries.get(Distribution.GREEN));
            if (relation == Relation.REPORTER) visible.add(entries.get(Distribution.RED));
            return visible;
        }

        @Override
        public String toString() {
            return name + " " + role + " (" + relation + ")";
        }
    }

    private final Backend backend;
    LiveNode node;
    long reportId;
    final Map<Distribution, Long> entryIds = new EnumMap<>(Distribution.class);
    final List<Viewer> viewers = new ArrayList<>();
    final Set<String> receivers = new HashSet<>();

    ReportSecurityMatrix(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        Organisation reporter = t.organisation("Reporting Hotline", OrganisationKind.HOTLINE, "DE", MembershipState.ACTIVE);
        Organisation owner = t.active("Bank Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        Organisation laterSuspended = t.organisation("Receiver Suspended Since", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE);
        t.organisations.setJurisdictions(laterSuspended.id(), List.of("NL"));
        List<Organisation> orgs = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (MembershipState state : STATES) {
                Organisation org = t.organisation(kind + " " + state, kind, "BE", state);
                // Everyone claims NL: only the ACTIVE law-enforcement organisations and hotlines may receive it.
                t.organisations.setJurisdictions(org.id(), List.of("NL"));
                orgs.add(org);
            }
        }
        var ownerAnalyst = t.principal(owner, Role.ANALYST);
        Bank bank = t.banks.create(ownerAnalyst, "report-matrix", Distribution.AMBER, Optional.of(Category.A), List.of(reporter.id()));
        List<EntryData> entries = new ArrayList<>();
        HASHES.forEach((d, hash) -> entries.add(EntryData.of(PdqSignal.PDQ, hash).withDistribution(d)));
        t.banks.addEntries(ownerAnalyst, bank.id(), entries);
        t.banks.entries(ownerAnalyst, bank.id(), 0, 10).entries().forEach(e -> entryIds.put(e.data().distribution().orElseThrow(), e.id()));

        String reporterAnalyst = t.token(reporter, Role.ANALYST);
        StringBuilder hashes = new StringBuilder();
        for (Distribution d : ORDER) hashes.append(hashes.isEmpty() ? "" : ",").append("{\"type\":\"PDQ\",\"value\":\"").append(HASHES.get(d)).append("\"}");
        LiveNode.Reply made = node.post(reporterAnalyst, "/api/v1/reports", "{\"url\":\"" + URL + "\",\"hashes\":[" + hashes
                + "],\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        reportId = made.json().get("id").asLong();
        LiveNode.Reply assessed = node.post(reporterAnalyst, "/api/v1/reports/" + reportId + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        assertThat(assessed.json().get("state").asText()).isEqualTo("ROUTED");
        assessed.json().get("routing").get("receivers").forEach(r -> receivers.add(r.get("organisation").asText()));
        assertThat(receivers).containsExactlyInAnyOrder("Receiver Suspended Since", "LAW_ENFORCEMENT ACTIVE", "HOTLINE ACTIVE");
        t.organisations.suspend(laterSuspended.id());

        for (Role role : Role.values()) {
            viewers.add(new Viewer(reporter.name(), reporter.kind(), MembershipState.ACTIVE, role, t.token(reporter, role), Relation.REPORTER));
            viewers.add(new Viewer(laterSuspended.name(), laterSuspended.kind(), MembershipState.SUSPENDED, role, t.token(laterSuspended, role),
                    Relation.RECEIVER));
            viewers.add(new Viewer(owner.name(), owner.kind(), MembershipState.ACTIVE, role, t.token(owner, role), Relation.NONE));
            viewers.add(new Viewer(t.operator.name(), t.operator.kind(), MembershipState.ACTIVE, role, t.token(t.operator, role), Relation.NONE));
            for (Organisation org : orgs) {
                Relation relation = receivers.contains(org.name()) ? Relation.RECEIVER : Relation.NONE;
                viewers.add(new Viewer(org.name(), org.kind(), org.state(), role, t.token(org, role), relation));
            }
        }
    }

    @AfterAll
    void close() {
        node.close();
    }

    Stream<Viewer> viewers() {
        return viewers.stream();
    }

    @Test
    void routingReachedExactlyTheActiveLawEnforcementAndHotlinesHoldingTheJurisdiction() {
        assertThat(viewers).filteredOn(v -> v.relation() == Relation.RECEIVER).extracting(Viewer::name).containsOnly(
                "Receiver Suspended Since", "LAW_ENFORCEMENT ACTIVE", "HOTLINE ACTIVE");
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void theReportIsReadByItsPartiesOnlyWithTheMatchesEachMaySee(Viewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/reports/" + reportId);
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.body()).doesNotContain(URL).doesNotContain(HASHES.get(Distribution.GREEN));
            return;
        }
        if (!viewer.party()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.json().get("detail").asText()).isEqualTo("no report " + reportId);
            assertThat(node.get(viewer.token(), "/api/v1/reports/" + (reportId + 1000)).json().get("detail").asText())
                    .as("a hidden report and a missing one answer alike").isEqualTo("no report " + (reportId + 1000));
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.get("relation").asText()).isEqualTo(viewer.relation().name());
        assertThat(report.get("url").asText()).isEqualTo(URL);
        Set<Long> shown = new HashSet<>();
        JsonNode results = report.get("results");
        for (int i = 0; i < ORDER.size(); i++) {
            JsonNode result = results.get(i);
            result.get("matches").forEach(m -> shown.add(m.get("entry").asLong()));
            boolean visible = viewer.visibleEntries(entryIds).contains(entryIds.get(ORDER.get(i)));
            if (visible) {
                assertThat(result.get("hits")).as(ORDER.get(i).name()).isEmpty();
            } else {
                assertThat(result.get("matches")).as(ORDER.get(i).name()).isEmpty();
                assertThat(result.get("hits")).singleElement().satisfies(hit -> assertThat(hit.get("organisation").asText()).isEqualTo("Bank Owner Police"));
                assertThat(result.toString()).doesNotContain("report-matrix");
            }
        }
        assertThat(shown).isEqualTo(viewer.visibleEntries(entryIds));
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void listsAndQueuesHoldTheReportExactlyForItsParties(Viewer viewer) {
        for (String queue : List.of("", "?queue=all", "?queue=own", "?queue=incoming", "?state=ROUTED")) {
            LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/reports" + queue);
            if (!viewer.reads()) {
                assertThat(reply.status()).as(queue + ": " + reply.body()).isEqualTo(403);
                continue;
            }
            assertThat(reply.status()).as(queue + ": " + reply.body()).isEqualTo(200);
            boolean expected = switch (queue) {
                case "?queue=own" -> viewer.relation() == Relation.REPORTER;
                case "?queue=incoming" -> viewer.relation() == Relation.RECEIVER;
                default -> viewer.party();
            };
            List<Long> ids = new ArrayList<>();
            reply.json().get("reports").forEach(r -> ids.add(r.get("id").asLong()));
            if (expected) assertThat(ids).as(queue).containsExactly(reportId);
            else {
                assertThat(ids).as(queue).isEmpty();
                assertThat(reply.body()).doesNotContain(URL);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void writesAnswerPartiesWithTheRuleAndOthersAsIfThereWereNoReport(Viewer viewer) {
        // Probes that change nothing: the report is ROUTED, so confirming removal or assessing again is a conflict.
        LiveNode.Reply takedown = node.post(viewer.token(), "/api/v1/reports/" + reportId + "/takedown", "{\"step\":\"REMOVAL_CONFIRMED\"}");
        LiveNode.Reply assess = node.post(viewer.token(), "/api/v1/reports/" + reportId + "/assessment", "{\"illegal\":true,\"category\":\"B\"}");
        if (!viewer.writes()) {
            assertThat(takedown.status()).as(takedown.body()).isEqualTo(403);
            assertThat(assess.status()).as(assess.body()).isEqualTo(403);
            return;
        }
        if (!viewer.party()) {
            assertThat(takedown.status()).as(takedown.body()).isEqualTo(404);
            assertThat(assess.status()).as(assess.body()).isEqualTo(404);
            assertThat(takedown.body() + assess.body()).doesNotContain("ROUTED");
            return;
        }
        assertThat(takedown.status()).as(takedown.body()).isEqualTo(409);
        assertThat(assess.status()).as(assess.body()).isEqualTo(viewer.relation() == Relation.REPORTER ? 409 : 403);
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void statisticsAreAggregatesForEveryReaderAndNameNothing(Viewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/reports/statistics");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(URL).doesNotContain("Hotline").doesNotContain("Police").doesNotContain("\"id\"");
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void countsByStateCountTheReportExactlyForItsPartiesAndNameNothing(Viewer viewer) {
        for (String queue : List.of("", "?queue=own", "?queue=incoming")) {
            LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/reports/counts" + queue);
            if (!viewer.reads()) {
                assertThat(reply.status()).as(queue + ": " + reply.body()).isEqualTo(403);
                continue;
            }
            assertThat(reply.status()).as(queue + ": " + reply.body()).isEqualTo(200);
            boolean counted = switch (queue) {
                case "?queue=own" -> viewer.relation() == Relation.REPORTER;
                case "?queue=incoming" -> viewer.relation() == Relation.RECEIVER;
                default -> viewer.party();
            };
            assertThat(reply.json().get("total").asLong()).as(queue).isEqualTo(counted ? 1 : 0);
            assertThat(reply.json().get("byState").get("ROUTED").asLong()).as(queue).isEqualTo(counted ? 1 : 0);
            assertThat(reply.body()).doesNotContain(URL).doesNotContain("Hotline").doesNotContain("Police").doesNotContain("\"id\"");
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void onlyReceiversAreToldOfTheReport(Viewer viewer) {
        if (!viewer.reads()) return;
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/notifications");
        boolean told = false;
        for (JsonNode n : reply.json().get("notifications")) told |= n.get("kind").asText().equals("REPORT_ROUTED");
        assertThat(told).isEqualTo(viewer.relation() == Relation.RECEIVER);
    }
}
