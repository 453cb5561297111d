package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read path (entries, entry, match, feed, export, notifications, audit) for every organisation kind ×
 * membership state × token role, against a law-enforcement bank holding one GREEN, one AMBER and one RED entry
 * (RED shared with every NGO). The expected answer comes from the rules as written in DESIGN.md, restated here
 * independently of the code: a reader is an ACTIVE organisation's ADMIN, ANALYST or VIEWER; GREEN is for every
 * reader, AMBER for law-enforcement readers, RED for the owner and its named recipients. Anything more is a leak,
 * anything less a broken read; both fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityMatrix {
    private static final Map<Distribution, String> HASHES = MatrixViewer.HASHES;

    private final Backend backend;
    LiveNode node;
    Organisation owner;
    Bank bank;
    Map<Distribution, Long> entryIds = new EnumMap<>(Distribution.class);
    String operatorAdmin;


    List<MatrixViewer> viewers = new ArrayList<>();

    SecurityMatrix(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        operatorAdmin = t.token(t.operator, Role.ADMIN);
        owner = t.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        List<Organisation> orgs = MatrixViewer.everyKindAndState(t);
        List<Long> ngos = orgs.stream().filter(o -> o.kind() == OrganisationKind.NGO).map(Organisation::id).toList();
        var ownerAnalyst = t.principal(owner, Role.ANALYST);
        bank = t.banks.create(ownerAnalyst, "matrix", Distribution.AMBER, Optional.of(Category.A), ngos);
        List<EntryData> entries = new ArrayList<>();
        HASHES.forEach((d, hash) -> entries.add(EntryData.of(PdqSignal.PDQ, hash).withDistribution(d)));
        t.banks.addEntries(ownerAnalyst, bank.id(), entries);
        t.banks.entries(ownerAnalyst, bank.id(), 0, 10).entries()
                .forEach(e -> entryIds.put(e.data().distribution().orElseThrow(), e.id()));
        viewers.addAll(MatrixViewer.everyRole(t, owner, orgs));
    }

    @AfterAll
    void close() {
        node.close();
    }

    Stream<MatrixViewer> viewers() {
        return viewers.stream();
    }

    private Set<String> hashesIn(JsonNode items, String field) {
        Set<String> values = new HashSet<>();
        for (JsonNode item : items) values.add(field == null ? item.get("value").asText() : item.get(field).get("value").asText());
        return values;
    }

    private Set<String> expected(MatrixViewer viewer) {
        Set<String> visible = new HashSet<>();
        HASHES.forEach((d, hash) -> {
            if (viewer.sees(d)) visible.add(hash);
        });
        return visible;
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void bankEntriesListExactlyTheVisibleOnes(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/banks/" + bank.id() + "/entries");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(hashesIn(reply.json().get("entries"), null)).isEqualTo(expected(viewer));
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void eachEntryIsReadableExactlyByThoseWhoMaySeeIt(MatrixViewer viewer) {
        for (Distribution d : Distribution.values()) {
            LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/entries/" + entryIds.get(d));
            int expected = !viewer.reads() ? 403 : viewer.sees(d) ? 200 : 404;
            assertThat(reply.status()).as(d + ": " + reply.body()).isEqualTo(expected);
            if (expected == 200) assertThat(reply.json().get("entry").get("value").asText()).isEqualTo(HASHES.get(d));
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void aMatchShowsVisibleEntriesAndOnlyAContactForTheOthers(MatrixViewer viewer) {
        StringBuilder body = new StringBuilder("{\"hashes\":[");
        List<Distribution> order = List.of(Distribution.values());
        for (int i = 0; i < order.size(); i++) body.append(i > 0 ? "," : "").append("{\"type\":\"PDQ\",\"value\":\"").append(HASHES.get(order.get(i))).append("\"}");
        LiveNode.Reply reply = node.post(viewer.token(), "/api/v1/match", body.append("]}").toString());
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        for (int i = 0; i < order.size(); i++) {
            JsonNode result = results.get(i);
            if (viewer.sees(order.get(i))) {
                assertThat(hashesIn(result.get("matches"), null)).containsExactly(HASHES.get(order.get(i)));
                assertThat(result.get("hits")).isEmpty();
            } else {
                assertThat(result.get("matches")).as(order.get(i).name()).isEmpty();
                assertThat(result.get("hits")).singleElement().satisfies(hit -> assertThat(hit.get("organisation").asText()).isEqualTo(owner.name()));
                assertThat(result.toString()).doesNotContain("\"entry\"").doesNotContain("matrix");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void theFeedCarriesExactlyTheVisibleChanges(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/feed?after=0");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(hashesIn(reply.json().get("changes"), "entry")).isEqualTo(expected(viewer));
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void anExportHoldsExactlyTheVisibleEntries(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/banks/" + bank.id() + "/export?format=pdq");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).isEqualTo(200);
        Set<String> lines = new HashSet<>();
        reply.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> lines.add(l.split(",")[0]));
        assertThat(lines).isEqualTo(expected(viewer));
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void notificationsAreOnlyEverOnesOwn(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/notifications");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).isEqualTo(200);
        if (!viewer.owner()) assertThat(reply.json().get("notifications")).as("others' hits are told to the owner only").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void onlyTheNodesAdministratorsReadTheAuditTrail(MatrixViewer viewer) {
        assertThat(node.get(viewer.token(), "/api/v1/audit").status()).isEqualTo(403);
        assertThat(node.get(viewer.token(), "/api/v1/audit/verify").status()).isEqualTo(403);
    }

    @org.junit.jupiter.api.Test
    void theOperatorsAdminReadsTheAuditTrailAndItIsIntact() {
        LiveNode.Reply reply = node.get(operatorAdmin, "/api/v1/audit/verify");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("intact").asBoolean()).isTrue();
        assertThat(node.get(operatorAdmin, "/api/v1/audit?limit=5").json().get("events")).hasSize(5);
    }
}
