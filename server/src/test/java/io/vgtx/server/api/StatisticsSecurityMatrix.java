package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.DigestSignal;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's statistics for every organisation kind × membership state × token role. A law-enforcement bank
 * holds entries of every distribution in several categories (RED shared with every NGO), one of them retracted and one
 * moved from AMBER/A to GREEN/C; its expected counts are restated here from the fixture and the rules (as
 * {@link MatrixViewer} has them), not from the code. Every active organisation but the owner then looks up the GREEN,
 * AMBER and RED hashes plus a number of unknown ones of its own, so each organisation's lookups are told apart by
 * their number: a reader's matches per day must be exactly its own organisation's, and the owner, whose bank everyone
 * matched, sees none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatisticsSecurityMatrix {
    private static final Map<Distribution, String> HASHES = MatrixViewer.HASHES;

    /** One cell of the expected entry statistics: category ("none" without one), distribution, type. */
    private record Cell(String category, Distribution distribution, String type) {}

    /** The active entries of the fixture, as the fixture below makes them. */
    private static final Map<Cell, Long> ACTIVE = Map.of(
            new Cell("B", Distribution.GREEN, "PDQ"), 1L,
            new Cell("B", Distribution.GREEN, "MD5"), 2L,
            new Cell("none", Distribution.GREEN, "PDQ"), 1L,
            new Cell("C", Distribution.GREEN, "MD5"), 1L,
            new Cell("A", Distribution.AMBER, "PDQ"), 1L,
            new Cell("A", Distribution.AMBER, "MD5"), 1L,
            new Cell("C", Distribution.RED, "PDQ"), 1L);

    private final Backend backend;
    LiveNode node;
    final List<MatrixViewer> viewers = new ArrayList<>();
    /** Hashes each organisation looked up: three that match plus its own number of unknown ones. */
    final Map<String, Integer> lookedUp = new HashMap<>();

    StatisticsSecurityMatrix(Backend backend) {
        this.backend = backend;
    }

    @BeforeAll
    void node(@TempDir Path tempDir) {
        node = new LiveNode(backend, tempDir);
        Taskforce t = node.taskforce;
        Organisation owner = t.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        List<Organisation> orgs = MatrixViewer.everyKindAndState(t);
        List<Long> ngos = orgs.stream().filter(o -> o.kind() == OrganisationKind.NGO).map(Organisation::id).toList();
        Principal ownerAnalyst = t.principal(owner, Role.ANALYST);
        Bank bank = t.banks.create(ownerAnalyst, "stats", Distribution.GREEN, Optional.empty(), ngos);
        t.banks.addEntries(ownerAnalyst, bank.id(), List.of(
                EntryData.of(PdqSignal.PDQ, HASHES.get(Distribution.GREEN)).withCategory(Category.B),
                md5(1).withCategory(Category.B),
                md5(2).withCategory(Category.B),
                EntryData.of(PdqSignal.PDQ, "1e2d3c4b5a69788796a5b4c3d2e1f0ff".repeat(2)),
                EntryData.of(PdqSignal.PDQ, HASHES.get(Distribution.AMBER)).withCategory(Category.A).withDistribution(Distribution.AMBER),
                md5(3).withCategory(Category.A).withDistribution(Distribution.AMBER),
                md5(4).withCategory(Category.A).withDistribution(Distribution.AMBER),
                md5(5).withCategory(Category.A).withDistribution(Distribution.AMBER),
                EntryData.of(PdqSignal.PDQ, HASHES.get(Distribution.RED)).withCategory(Category.C).withDistribution(Distribution.RED)));
        // One AMBER/A entry re-categorised and shared as GREEN/C, one retracted: counted where they are now, or not at all.
        t.banks.addEntries(ownerAnalyst, bank.id(), List.of(md5(4).withCategory(Category.C).withDistribution(Distribution.GREEN)));
        t.store.retract("stats", DigestSignal.MD5, md5(5).value());

        viewers.addAll(MatrixViewer.everyRole(t, owner, orgs));
        int unknown = 0;
        for (MatrixViewer viewer : viewers) {
            if (viewer.owner() || viewer.role() != Role.VIEWER) continue;
            unknown++;
            LiveNode.Reply reply = node.post(viewer.token(), "/api/v1/match", lookup(unknown));
            assertThat(reply.status()).as(viewer + ": " + reply.body()).isEqualTo(viewer.reads() ? 200 : 403);
            if (viewer.reads()) lookedUp.put(viewer.name(), 3 + unknown);
        }
        node.services.matchDays().flush();
    }

    @AfterAll
    void close() {
        node.close();
    }

    Stream<MatrixViewer> viewers() {
        return viewers.stream();
    }

    private static EntryData md5(int n) {
        return EntryData.of(DigestSignal.MD5, "%032x".formatted(n));
    }

    /** The three entries' hashes and {@code unknown} hashes that match nothing. */
    private static String lookup(int unknown) {
        StringBuilder body = new StringBuilder("{\"hashes\":[");
        for (String hash : HASHES.values()) body.append("{\"type\":\"PDQ\",\"value\":\"").append(hash).append("\"},");
        for (int i = 0; i < unknown; i++) body.append(i > 0 ? "," : "").append("{\"type\":\"MD5\",\"value\":\"%032x\"}".formatted(1000 + i));
        return body.append("]}").toString();
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void entryStatisticsCountExactlyTheEntriesTheViewerMaySee(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/statistics/entries");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<Cell, Long> counted = new HashMap<>();
        for (JsonNode count : reply.json().get("counts")) {
            String category = count.get("category").isNull() ? "none" : count.get("category").asText();
            counted.put(new Cell(category, Distribution.valueOf(count.get("distribution").asText()), count.get("type").asText()),
                    count.get("entries").asLong());
        }
        Map<Cell, Long> expected = new HashMap<>();
        ACTIVE.forEach((cell, n) -> {
            if (viewer.sees(cell.distribution())) expected.put(cell, n);
        });
        assertThat(counted).isEqualTo(expected);
        assertThat(reply.json().get("total").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    }

    @ParameterizedTest
    @MethodSource("viewers")
    void matchesPerDayAreExactlyTheViewersOwnOrganisations(MatrixViewer viewer) {
        LiveNode.Reply reply = node.get(viewer.token(), "/api/v1/statistics/matches?days=2");
        if (!viewer.reads()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("organisation").asText()).isEqualTo(viewer.name());
        JsonNode days = reply.json().get("days");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).get("hashesLookedUp").asLong()).as("yesterday").isZero();
        JsonNode today = days.get(1);
        int looked = lookedUp.getOrDefault(viewer.name(), 0);
        long visible = HASHES.keySet().stream().filter(viewer::sees).count();
        assertThat(today.get("requests").asLong()).isEqualTo(looked == 0 ? 0 : 1);
        assertThat(today.get("hashesLookedUp").asLong()).isEqualTo(looked);
        assertThat(today.get("hashesWithVisibleMatch").asLong()).isEqualTo(looked == 0 ? 0 : visible);
        assertThat(today.get("hashesWithHitOnly").asLong()).isEqualTo(looked == 0 ? 0 : 3 - visible);
        if (viewer.owner()) assertThat(looked).as("the owner looked nothing up: others' lookups of its bank are not its own").isZero();
    }

    @org.junit.jupiter.api.Test
    void aSpanOutsideOneDayToAYearIsRefusedByName() {
        String token = viewers.getFirst().token();
        for (String days : List.of("0", "367", "x")) {
            LiveNode.Reply reply = node.get(token, "/api/v1/statistics/matches?days=" + days);
            assertThat(reply.status()).as(days).isEqualTo(400);
            assertThat(reply.body()).contains("days");
        }
    }

    @org.junit.jupiter.api.Test
    void everyActiveOrganisationButTheOwnerLookedSomethingUp() {
        Set<String> readers = new HashSet<>();
        viewers.stream().filter(v -> v.reads() && !v.owner()).forEach(v -> readers.add(v.name()));
        assertThat(lookedUp.keySet()).isEqualTo(readers);
    }
}
