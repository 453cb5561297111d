package io.vgtx.server.api;

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
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console user sees exactly what a token of the same organisation and role sees: for every organisation kind
 * (and a suspended one) × role, every read path — banks, entries, each entry, match, feed, export, notifications,
 * membership, audit, and the reports, cases and webhooks the console shows — answers the session the same status and
 * the same body as the token, byte for byte. Since
 * {@link SecurityMatrix} shows the token's answers follow the rules, so do the session's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionTokenEquivalence {
    private static final Map<Distribution, String> HASHES = new EnumMap<>(Map.of(
            Distribution.GREEN, "6f1ed002ab5595859014ebf0951522d9".repeat(2),
            Distribution.AMBER, "a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0".repeat(2),
            Distribution.RED, "0f0f1e1e2d2d3c3c4b4b5a5a69697878".repeat(2)));
    private static final String PASSWORD = "correct horse battery";

    private final Backend backend;
    LiveNode node;
    Bank bank;
    long reportId;
    long caseId;
    final Map<Distribution, Long> entryIds = new EnumMap<>(Distribution.class);
    final List<Viewer> viewers = new ArrayList<>();

    record Viewer(String name, Role role, String token, ConsoleClient session) {
        @Override
        public String toString() {
            return name + " " + role;
        }
    }

    SessionTokenEquivalence(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        Organisation owner = t.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        List<Organisation> orgs = new ArrayList<>(List.of(owner, t.operator));
        for (OrganisationKind kind : OrganisationKind.values()) orgs.add(t.active(kind + " ACTIVE", kind));
        orgs.add(t.organisation("LE SUSPENDED", OrganisationKind.LAW_ENFORCEMENT, "BE", MembershipState.SUSPENDED));
        List<Long> ngos = orgs.stream().filter(o -> o.kind() == OrganisationKind.NGO).map(Organisation::id).toList();
        var ownerAnalyst = t.principal(owner, Role.ANALYST);
        bank = t.banks.create(ownerAnalyst, "equivalence", Distribution.AMBER, Optional.of(Category.A), ngos);
        List<EntryData> entries = new ArrayList<>();
        HASHES.forEach((d, hash) -> entries.add(EntryData.of(PdqSignal.PDQ, hash).withDistribution(d)));
        t.banks.addEntries(ownerAnalyst, bank.id(), entries);
        t.banks.entries(ownerAnalyst, bank.id(), 0, 10).entries().forEach(e -> entryIds.put(e.data().distribution().orElseThrow(), e.id()));
        // A report the owner police made (routed to the DE hotline, which gets a hit for the AMBER entry) and a case.
        String ownerToken = t.token(owner, Role.ANALYST);
        String amber = "{\"type\":\"PDQ\",\"value\":\"" + HASHES.get(Distribution.AMBER) + "\"}";
        LiveNode.Reply made = node.post(ownerToken, "/api/v1/reports", "{\"url\":\"https://files.example.de/x\",\"hashes\":[" + amber
                + "],\"source\":\"PARTNER\",\"hostingCountry\":\"DE\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        reportId = made.json().get("id").asLong();
        assertThat(node.post(ownerToken, "/api/v1/reports/" + reportId + "/assessment", "{\"illegal\":true,\"category\":\"A\"}").json()
                .get("state").asText()).isEqualTo("ROUTED");
        caseId = node.post(ownerToken, "/api/v1/cases", "{\"title\":\"Equivalence\"}").json().get("id").asLong();
        assertThat(node.post(ownerToken, "/api/v1/cases/" + caseId + "/hashes", "{\"hashes\":[" + amber + "]}").status()).isEqualTo(200);
        int n = 0;
        for (Organisation org : orgs) {
            for (Role role : Role.values()) {
                String login = "user" + (++n);
                // Made on the node itself: no one but the organisation's own ADMIN issues its users over the API (issue 14).
                node.services.users().create(org.id(), login, role, PASSWORD, AlsoInTransaction.nothing());
                ConsoleClient session = new ConsoleClient(node.server.uri());
                assertThat(session.signIn(login, PASSWORD).status()).isEqualTo(200);
                viewers.add(new Viewer(org.name(), role, t.token(org, role), session));
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

    private void same(Viewer viewer, String path) {
        LiveNode.Reply token = node.get(viewer.token(), path);
        ConsoleClient.Reply session = viewer.session().get(path);
        assertThat(session.status()).as(path).isEqualTo(token.status());
        // A problem's instance is the request id, different for every request.
        assertThat(withoutInstance(session.body())).as(path).isEqualTo(withoutInstance(token.body()));
    }

    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void everyReadPathAnswersTheSessionAsItAnswersTheToken(Viewer viewer) {
        same(viewer, "/api/v1/banks");
        same(viewer, "/api/v1/banks/" + bank.id() + "/entries");
        for (long id : entryIds.values()) same(viewer, "/api/v1/entries/" + id);
        same(viewer, "/api/v1/feed?after=0");
        same(viewer, "/api/v1/banks/" + bank.id() + "/export?format=csv");
        same(viewer, "/api/v1/notifications");
        same(viewer, "/api/v1/organisations");
        same(viewer, "/api/v1/audit/verify");
        same(viewer, "/api/v1/statistics/entries");
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void theReportCaseAndWebhookPathsOfTheConsoleAnswerTheSessionAsTheToken(Viewer viewer) {
        for (String queue : List.of("", "?queue=own", "?queue=incoming&state=ROUTED")) same(viewer, "/api/v1/reports" + queue);
        same(viewer, "/api/v1/reports/counts");
        same(viewer, "/api/v1/reports/counts?queue=incoming");
        same(viewer, "/api/v1/reports/statistics");
        same(viewer, "/api/v1/reports/" + reportId);
        same(viewer, "/api/v1/cases");
        same(viewer, "/api/v1/cases/" + caseId);
        same(viewer, "/api/v1/notifications?kind=DECONFLICTION,REPORT_ROUTED");
        same(viewer, "/api/v1/webhooks");
        same(viewer, "/api/v1/webhooks/deliveries?state=DEAD");
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void aMatchAnswersTheSessionAsItAnswersTheToken(Viewer viewer) {
        StringBuilder body = new StringBuilder("{\"hashes\":[");
        List<Distribution> order = List.of(Distribution.values());
        for (int i = 0; i < order.size(); i++) body.append(i > 0 ? "," : "").append("{\"type\":\"PDQ\",\"value\":\"").append(HASHES.get(order.get(i))).append("\"}");
        String json = body.append("]}").toString();
        LiveNode.Reply token = node.post(viewer.token(), "/api/v1/match", json);
        ConsoleClient.Reply session = viewer.session().post("/api/v1/match", json);
        assertThat(session.status()).isEqualTo(token.status());
        if (token.status() == 200) assertThat(session.body()).isEqualTo(token.body());
    }
}
