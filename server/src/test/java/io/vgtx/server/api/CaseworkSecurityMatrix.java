package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.casework.Case;
import io.vgtx.core.casework.Casework;
import io.vgtx.core.casework.HashRef;
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

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every casework read path — cases, one case, series, matches and hits with their victim-identified mark, and the
 * deconfliction alerts a match brings — for every organisation kind × membership state × token role, against a
 * law-enforcement owner whose bank holds a GREEN, an AMBER and a RED entry (RED shared with every NGO), each of its
 * own series, all marked victim-identified, and whose case links all three hashes and series. The expected answers
 * are the rules restated independently of the code: a reader is an ACTIVE organisation's ADMIN, ANALYST or VIEWER;
 * cases are law enforcement's, each its owner's alone; a series shows to whoever may see one of its entries; the mark
 * travels with every match and hit, the series' name and the entry only to those who may see it. Anything more is a
 * leak, anything less a broken read; both fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaseworkSecurityMatrix {
    private static final Map<Distribution, String> HASHES = MatrixViewer.HASHES;
    private static final String TITLE = "Operation Nightjar";
    private static final LocalDate RESCUED = LocalDate.parse("2025-12-24");

    private final Backend backend;
    LiveNode node;
    Organisation owner;
    long caseId;
    final List<MatrixViewer> viewers = new ArrayList<>();


    CaseworkSecurityMatrix(Backend backend) {
        this.backend = backend;
    }

    private static String series(Distribution d) {
        return "series-" + d.name().toLowerCase();
    }

    /** The hash each viewer asks about: 6 bits from the entry's, so the entry's own value is never in the question. */
    private static String near(Distribution d) {
        BigInteger value = new BigInteger(HASHES.get(d), 16);
        for (int i = 0; i < 6; i++) value = value.flipBit(255 - i);
        return String.format("%064x", value);
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        owner = t.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        List<Organisation> orgs = MatrixViewer.everyKindAndState(t);
        List<Long> ngos = orgs.stream().filter(o -> o.kind() == OrganisationKind.NGO).map(Organisation::id).toList();
        Principal ownerAnalyst = t.principal(owner, Role.ANALYST);
        Bank bank = t.banks.create(ownerAnalyst, "cw-matrix", Distribution.AMBER, Optional.empty(), ngos);
        List<EntryData> entries = new ArrayList<>();
        HASHES.forEach((d, hash) -> entries.add(EntryData.of(PdqSignal.PDQ, hash).withDistribution(d).withSeries(series(d)).withLabel("label-" + d)));
        t.banks.addEntries(ownerAnalyst, bank.id(), entries);
        // The node's own casework services, on the same database: what the HTTP routes use.
        Casework casework = Casework.open(t.database, t.clock, t.store, t.recipients, t.organisations, t.notifications, t.audit);
        for (Distribution d : Distribution.values()) casework.series().markVictimIdentified(ownerAnalyst, series(d), Optional.of(RESCUED));
        Case opened = casework.cases().open(ownerAnalyst, TITLE, Optional.of("NJ-1"));
        caseId = opened.id();
        casework.cases().linkHashes(ownerAnalyst, caseId, HASHES.values().stream().map(h -> new HashRef(PdqSignal.PDQ, h)).toList());
        casework.cases().linkSeries(ownerAnalyst, caseId, List.of(Distribution.values()).stream().map(CaseworkSecurityMatrix::series).toList());
        viewers.addAll(MatrixViewer.everyRole(t, owner, orgs));
    }

    @AfterAll
    void close() {
        node.close();
    }

    Stream<MatrixViewer> viewers() {
        return viewers.stream();
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void theCaseListIsOnlyEverTheOwnersOwn(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/cases");
        if (!viewer.keepsCases()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.body()).doesNotContain(TITLE);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        if (viewer.owner()) assertThat(reply.json().get("cases")).singleElement().satisfies(c -> assertThat(c.get("title").asText()).isEqualTo(TITLE));
        else assertThat(reply.json().get("cases")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void aCaseIsReadByItsOwnerAndNotFoundByAnyoneElse(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/cases/" + caseId);
        int expected = !viewer.keepsCases() ? 403 : viewer.owner() ? 200 : 404;
        assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(reply.json().get("hashes")).hasSize(3);
            assertThat(reply.json().get("series")).allSatisfy(s -> assertThat(s.get("victimIdentified").asBoolean()).isTrue());
        } else {
            assertThat(reply.body()).doesNotContain(TITLE).doesNotContain("NJ-1").doesNotContain("series-").doesNotContain(HASHES.get(Distribution.GREEN));
        }
        for (String write : List.of("/hashes", "/series", "/state")) {
            LiveNode.Reply attempt = node.post(viewer.token(), "/api/v1/cases/" + caseId + write, "{}");
            if (!viewer.owner()) assertThat(attempt.status()).as(write).isIn(400, 403, 404);
            assertThat(attempt.body()).doesNotContain(TITLE);
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void aSeriesShowsExactlyToThoseWhoMaySeeAnEntryOfIt(MatrixViewer viewer) {
        for (Distribution d : Distribution.values()) {
            LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/series/" + series(d));
            int expected = !viewer.reads() ? 403 : viewer.sees(d) ? 200 : 404;
            assertThat(reply.status()).as(d + ": " + reply.body()).isEqualTo(expected);
            if (expected == 200) {
                JsonNode view = reply.json();
                assertThat(view.get("victimIdentified").asBoolean()).isTrue();
                assertThat(view.get("identifiedBy").asText()).isEqualTo(owner.name());
                assertThat(view.get("visibleEntries").asLong()).isEqualTo(1);
                assertThat(view.get("cases")).hasSize(viewer.owner() ? 1 : 0);
            } else {
                assertThat(reply.body()).doesNotContain("Owner Police").doesNotContain(RESCUED.toString());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void everyMatchAndHitSaysVictimIdentifiedAndNamesTheSeriesOnlyToThoseWhoMaySeeTheEntry(MatrixViewer viewer) {
        List<Distribution> order = List.of(Distribution.values());
        StringBuilder body = new StringBuilder("{\"hashes\":[");
        for (int i = 0; i < order.size(); i++) body.append(i > 0 ? "," : "").append("{\"type\":\"PDQ\",\"value\":\"").append(near(order.get(i))).append("\"}");
        LiveNode.Reply reply = node.post(viewer.token(), "/api/v1/match", body.append("]}").toString());
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        for (int i = 0; i < order.size(); i++) {
            Distribution d = order.get(i);
            JsonNode result = results.get(i);
            if (viewer.sees(d)) {
                assertThat(result.get("matches")).singleElement().satisfies(m -> {
                    assertThat(m.get("series").asText()).isEqualTo(series(d));
                    assertThat(m.get("victimIdentified").asBoolean()).isTrue();
                    assertThat(m.get("identifiedBy").asText()).isEqualTo(owner.name());
                    assertThat(m.get("identifiedOn").asText()).isEqualTo(RESCUED.toString());
                });
                assertThat(result.get("hits")).isEmpty();
            } else {
                assertThat(result.get("matches")).as(d.name()).isEmpty();
                assertThat(result.get("hits")).singleElement().satisfies(h -> {
                    assertThat(h.get("organisation").asText()).isEqualTo(owner.name());
                    assertThat(h.get("victimIdentified").asBoolean()).isTrue();
                    assertThat(h.get("identifiedBy").asText()).isEqualTo(owner.name());
                });
                assertThat(result.toString()).doesNotContain(series(d)).doesNotContain(HASHES.get(d)).doesNotContain("label-" + d)
                        .doesNotContain("cw-matrix");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void deconflictionAlertsFromAMatchNeverTellAnEntryOrSeriesTheRecipientMayNotSee(MatrixViewer viewer) {
        StringBuilder body = new StringBuilder("{\"hashes\":[");
        List<Distribution> order = List.of(Distribution.values());
        for (int i = 0; i < order.size(); i++) body.append(i > 0 ? "," : "").append("{\"type\":\"PDQ\",\"value\":\"").append(near(order.get(i))).append("\"}");
        node.post(viewer.token(), "/api/v1/match", body.append("]}").toString());
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/notifications?limit=1000");
        if (!viewer.reads()) {
            assertThat(reply.status()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).isEqualTo(200);
        String told = reply.body();
        assertThat(told).doesNotContain(TITLE).doesNotContain("NJ-1");
        if (viewer.owner()) return;
        List<String> kinds = new ArrayList<>();
        reply.json().get("notifications").forEach(n -> kinds.add(n.get("kind").asText()));
        assertThat(kinds).as("a match that touched the owner's case").contains("DECONFLICTION");
        for (Distribution d : Distribution.values()) {
            if (viewer.sees(d)) continue;
            assertThat(told).as(d.name()).doesNotContain(HASHES.get(d)).doesNotContain(series(d)).doesNotContain("label-" + d);
        }
        reply.json().get("notifications").forEach(n -> {
            if (n.get("kind").asText().equals("DECONFLICTION")) {
                assertThat(n.get("details").get("counterpart").asText()).isEqualTo(owner.name());
                assertThat(n.get("details").has("contact")).isTrue();
            }
        });
    }
}
