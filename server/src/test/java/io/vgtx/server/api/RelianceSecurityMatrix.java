package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.PdqSignal;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts an entry's retraction and its disputes bring to those who relied on it — the readers of a report that
 * kept it and the organisations a match showed it to — for every organisation kind × membership state × token role ×
 * distribution. A law-enforcement owner's bank holds a GREEN, an AMBER and a RED entry (RED shared with every NGO and
 * with the reporting hotline). Every organisation that was ACTIVE matches all three hashes over the API; a hotline
 * based elsewhere reports them hosted in BE, so its assessment keeps GREEN and RED as matches and AMBER behind a hit,
 * and the report goes to every
 * then-ACTIVE Belgian police and hotline. Then some organisations are suspended or withdraw, two police dispute GREEN
 * and the owner retracts all three over the API. The expected alerts are the rules restated independently of the
 * code: a matcher is told of each entry it was shown, a report reader once per report and entry instead; the entry
 * (its id, its bank) is named only to an organisation that may see it now; a hash value never. Anything more is a
 * leak, anything less a lost alert; both fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RelianceSecurityMatrix {
    private static final Map<Distribution, String> HASHES = new EnumMap<>(Map.of(
            Distribution.GREEN, "6f1ed002ab5595859014ebf0951522d9".repeat(2),
            Distribution.AMBER, "a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0".repeat(2),
            Distribution.RED, "0f0f1e1e2d2d3c3c4b4b5a5a69697878".repeat(2)));
    private static final String BANK = "rel-matrix";
    private static final List<MembershipState> STATES = List.of(MembershipState.APPLIED, MembershipState.APPROVED,
            MembershipState.ACTIVE, MembershipState.SUSPENDED, MembershipState.WITHDRAWN, MembershipState.REJECTED);
    private static final Set<NotificationKind> RELIANCE = Set.of(NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT,
            NotificationKind.ENTRY_DISPUTED_IN_REPORT, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH, NotificationKind.ENTRY_DISPUTED_AFTER_MATCH);

    private final Backend backend;
    LiveNode node;
    final Map<Distribution, Long> entries = new EnumMap<>(Distribution.class);
    final List<Org> orgs = new ArrayList<>();
    final List<Viewer> viewers = new ArrayList<>();

    /** An organisation of the matrix, and what the rules say it is owed. */
    record Org(String name, OrganisationKind kind, MembershipState state) {
        boolean wasActive() {
            return state == MembershipState.ACTIVE || state == MembershipState.SUSPENDED || state == MembershipState.WITHDRAWN;
        }

        /** What an ACTIVE organisation of this kind sees (the owner's bank: RED shared with NGOs). */
        boolean seesWhenActive(Distribution d) {
            return switch (d) {
                case GREEN -> true;
                case AMBER -> kind == OrganisationKind.LAW_ENFORCEMENT;
                case RED -> kind == OrganisationKind.NGO;
            };
        }

        boolean matched(Distribution d) {
            return wasActive() && seesWhenActive(d);
        }

        boolean seesNow(Distribution d) {
            return state == MembershipState.ACTIVE && seesWhenActive(d);
        }

        /** The report went to every ACTIVE Belgian police (BE jurisdiction) and hotline (based in BE). */
        boolean receivedReport() {
            return wasActive() && (kind == OrganisationKind.LAW_ENFORCEMENT || kind == OrganisationKind.HOTLINE);
        }

        /**
         * Told as a matcher: shown the entry and not told through the report instead. The report relied on all three
         * entries: its assessment kept what the reporting hotline could see (GREEN, and RED shared with it) as matches,
         * and AMBER, which it could not, behind a hit/no-hit answer.
         */
        boolean toldAsMatcher(Distribution d) {
            return matched(d) && !receivedReport();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Viewer(Org org, Role role, String token) {
        boolean reads() {
            return org.state() == MembershipState.ACTIVE && role != Role.BOARD;
        }

        @Override
        public String toString() {
            return org.name() + " " + role;
        }
    }

    RelianceSecurityMatrix(Backend backend) {
        this.backend = backend;
    }

    private static String hashesJson() {
        StringBuilder body = new StringBuilder("[");
        for (Distribution d : Distribution.values()) body.append(body.length() > 1 ? "," : "").append("{\"type\":\"PDQ\",\"value\":\"").append(HASHES.get(d)).append("\"}");
        return body.append("]").toString();
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        Organisation owner = t.organisation("Owner Police", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.ACTIVE);
        Organisation reporter = t.organisation("Reporting Hotline", OrganisationKind.HOTLINE, "DE", MembershipState.ACTIVE);
        Map<Org, Organisation> made = new java.util.LinkedHashMap<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (MembershipState state : STATES) {
                Org org = new Org(kind + " " + state, kind, state);
                // Those that end suspended or withdrawn were ACTIVE first: they matched and received the report then.
                Organisation o = t.organisation(org.name(), kind, "BE", org.wasActive() ? MembershipState.ACTIVE : state);
                if (kind == OrganisationKind.LAW_ENFORCEMENT && org.wasActive()) t.organisations.setJurisdictions(o.id(), List.of("BE"));
                made.put(org, o);
                orgs.add(org);
            }
        }
        List<Long> shared = new ArrayList<>(made.entrySet().stream().filter(e -> e.getKey().kind() == OrganisationKind.NGO)
                .map(e -> e.getValue().id()).toList());
        shared.add(reporter.id());
        Principal ownerAnalyst = t.principal(owner, Role.ANALYST);
        Bank bank = t.banks.create(ownerAnalyst, BANK, Distribution.AMBER, Optional.empty(), shared);
        List<EntryData> data = new ArrayList<>();
        HASHES.forEach((d, hash) -> data.add(EntryData.of(PdqSignal.PDQ, hash).withDistribution(d)));
        t.banks.addEntries(ownerAnalyst, bank.id(), data);
        for (Entry e : t.banks.entries(ownerAnalyst, bank.id(), 0, 10).entries()) entries.put(e.data().distribution().orElseThrow(), e.id());

        // Every ACTIVE organisation matches all three over the API (the node's own services, with their hooks).
        for (Map.Entry<Org, Organisation> e : made.entrySet()) {
            if (!e.getKey().wasActive()) continue;
            LiveNode.Reply reply = node.post(t.token(e.getValue(), Role.VIEWER), "/api/v1/match", "{\"hashes\":" + hashesJson() + "}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
        String hotline = t.token(reporter, Role.ANALYST);
        LiveNode.Reply report = node.post(hotline, "/api/v1/reports",
                "{\"hashes\":" + hashesJson() + ",\"source\":\"PUBLIC\",\"hostingCountry\":\"BE\"}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        long reportId = report.json().get("id").asLong();
        LiveNode.Reply assessed = node.post(hotline, "/api/v1/reports/" + reportId + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        assertThat(assessed.json().get("routing").get("receivers")).as(assessed.body())
                .hasSize((int) orgs.stream().filter(Org::receivedReport).count());

        for (Map.Entry<Org, Organisation> e : made.entrySet()) {
            if (e.getKey().state() == MembershipState.SUSPENDED) t.organisations.suspend(e.getValue().id());
            if (e.getKey().state() == MembershipState.WITHDRAWN) t.organisations.withdraw(e.getValue().id());
        }
        for (String name : List.of("Disputer One", "Disputer Two")) {
            String disputer = t.token(t.organisation(name, OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.ACTIVE), Role.ANALYST);
            assertThat(node.post(disputer, "/api/v1/entries/" + entries.get(Distribution.GREEN) + "/dispute", "{}").status()).isEqualTo(200);
        }
        String ownerToken = t.token(owner, Role.ANALYST);
        for (long id : entries.values()) assertThat(node.post(ownerToken, "/api/v1/entries/" + id + "/retract", "").status()).isEqualTo(200);

        for (Org org : orgs) {
            Organisation o = made.get(org);
            for (Role role : Role.values()) viewers.add(new Viewer(org, role, t.token(o, role)));
        }
    }

    @AfterAll
    void close() {
        node.close();
    }

    Stream<Org> orgs() {
        return orgs.stream();
    }

    Stream<Viewer> viewers() {
        return viewers.stream();
    }

    private List<Notification> stored(Org org) {
        return node.services.notifications().list(org.name(), 0, 1000).stream().filter(n -> RELIANCE.contains(n.kind())).toList();
    }

    private long count(List<Notification> told, NotificationKind kind) {
        return told.stream().filter(n -> n.kind() == kind).count();
    }

    /** The entries named (by id) in these notifications, by kind. */
    private Set<Long> named(List<Notification> told, NotificationKind kind) {
        Set<Long> ids = new TreeSet<>();
        for (Notification n : told) {
            if (n.kind() != kind) continue;
            if (n.details().containsKey("entry")) ids.add(Long.parseLong(n.details().get("entry")));
        }
        return ids;
    }

    private Set<Long> ids(java.util.function.Predicate<Distribution> which) {
        Set<Long> ids = new TreeSet<>();
        for (Distribution d : Distribution.values()) if (which.test(d)) ids.add(entries.get(d));
        return ids;
    }

    @ParameterizedTest
    @MethodSource("orgs")
    void eachOrganisationIsToldExactlyWhatItReliedOnAndNamedOnlyWhatItMaySeeNow(Org org) {
        List<Notification> told = stored(org);
        long reports = org.receivedReport() ? Distribution.values().length : 0; // one per entry: the report relied on all three
        assertThat(count(told, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).isEqualTo(reports);
        assertThat(count(told, NotificationKind.ENTRY_DISPUTED_IN_REPORT)).isEqualTo(org.receivedReport() ? 1 : 0);
        assertThat(count(told, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH))
                .isEqualTo(Stream.of(Distribution.values()).filter(org::toldAsMatcher).count());
        assertThat(count(told, NotificationKind.ENTRY_DISPUTED_AFTER_MATCH)).isEqualTo(org.toldAsMatcher(Distribution.GREEN) ? 1 : 0);

        assertThat(named(told, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT))
                .isEqualTo(org.receivedReport() ? ids(org::seesNow) : Set.of());
        assertThat(named(told, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).isEqualTo(ids(d -> org.toldAsMatcher(d) && org.seesNow(d)));
        assertThat(named(told, NotificationKind.ENTRY_DISPUTED_IN_REPORT))
                .isEqualTo(org.receivedReport() && org.seesNow(Distribution.GREEN) ? ids(d -> d == Distribution.GREEN) : Set.of());
        Set<Long> visible = ids(org::seesNow);
        for (Notification n : told) {
            boolean names = n.details().containsKey("entry");
            assertThat(n.details().containsKey("bank")).as(n.toString()).isEqualTo(names);
            if (names) assertThat(visible).as(n.toString()).contains(Long.parseLong(n.details().get("entry")));
            if (n.subject().startsWith("entry:")) assertThat(visible).as(n.toString()).contains(Long.parseLong(n.subject().substring(6)));
            else assertThat(n.subject()).as(n.toString()).matches("report:\\d+|match");
            assertThat(n.details().values()).as(n.toString()).doesNotContainAnyElementsOf(HASHES.values());
            if (!names) assertThat(n.details().values()).as(n.toString()).doesNotContain(BANK);
            assertThat(n.details()).containsEntry("owner", "Owner Police");
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void overTheApiAReaderSeesItsOwnAlertsAndNoOneElseReadsAny(Viewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/notifications?limit=1000");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.body()).doesNotContain(BANK).doesNotContain("Owner Police");
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Set<Long> expected = new HashSet<>();
        for (Notification n : stored(viewer.org())) expected.add(n.id());
        Set<Long> served = new HashSet<>();
        for (JsonNode n : reply.json().get("notifications")) {
            if (RELIANCE.contains(NotificationKind.valueOf(n.get("kind").asText()))) served.add(n.get("id").asLong());
        }
        assertThat(served).isEqualTo(expected);
        for (String hash : HASHES.values()) assertThat(reply.body()).doesNotContain(hash);
    }
}
