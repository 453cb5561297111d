package io.vgtx.core.ration;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.match.Match;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.QueryResult;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.sharing.SharingHooks;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.TestClock;
import io.vgtx.index.hamming.Code256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hidden answers rationed through the matching service, on both databases: police own an AMBER entry, an NGO may not
 * see it (hit/no-hit only), other police may (full matches).
 */
@ParameterizedClass
@EnumSource(Backend.class)
class HiddenAnswersTest {
    private static final Code256 HIDDEN = Code256.fromHex("3c".repeat(16) + "c3".repeat(16));

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;

    final TestClock clock = new TestClock(Instant.parse("2026-12-08T23:00:00Z"));
    Database db;
    Taskforce node;
    HiddenAnswers hidden;
    SharedMatching matching;
    Organisation ownerPolice, ngo;
    Principal ngoViewer, ngoAnalyst, otherPolice;

    @BeforeEach
    void node() {
        db = Database.open(backend.newDatabase(tempDir));
        node = new Taskforce(db, clock);
        ownerPolice = node.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        ngo = node.active("Child NGO", OrganisationKind.NGO);
        ngoViewer = node.principal(ngo, Role.VIEWER);
        ngoAnalyst = node.principal(ngo, Role.ANALYST);
        otherPolice = node.principal(node.active("Other Police", OrganisationKind.LAW_ENFORCEMENT), Role.VIEWER);
        Principal owner = node.principal(ownerPolice, Role.ANALYST);
        Bank bank = node.banks.create(owner, "amber", Distribution.AMBER, Optional.of(Category.A), List.of());
        node.banks.addEntries(owner, bank.id(), List.of(EntryData.of(PdqSignal.PDQ, HIDDEN.toHex())));
        restart();
    }

    /** A node's matching as it starts: the ration read back from the database. */
    private void restart() {
        if (hidden != null) hidden.close();
        hidden = new HiddenAnswers(db, clock, node.notifications, node.audit, 8);
        matching = new SharedMatching(db, node.store, node.recipients, node.organisations, MatchIndex.load(node.store),
                node.notifications, node.audit, SharingHooks.NONE, hidden);
    }

    @AfterEach
    void close() {
        hidden.close();
        db.close();
    }

    private static Code256 away(int n) {
        Code256 code = HIDDEN;
        for (int b = 0; b < n; b++) code = code.flip(255 - 5 * b);
        return code;
    }

    private QueryResult ask(Principal asker, Code256 hash, int threshold) {
        return matching.match(asker, List.of(new HashQuery(PdqSignal.PDQ, hash.toHex(), Optional.empty())), threshold).getFirst();
    }

    private boolean hit(Principal asker, Code256 hash) {
        return !ask(asker, hash, 31).hits().isEmpty();
    }

    @Test
    void hiddenEntriesAnswerAtTheNodesThresholdNeverTheAskers() {
        assertThat(ask(ngoViewer, away(20), 0).hits()).as("threshold 0 asked, 20 bits away").hasSize(1);
        assertThat(ask(ngoViewer, away(31), 5).hits()).hasSize(1);
        assertThat(ask(ngoViewer, away(32), 31).hits()).isEmpty();
    }

    @Test
    void theQuotaIsTheOrganisationsOverAllItsTokensAndCountsNoHitsNearTheEntry() {
        assertThat(hit(ngoViewer, away(10))).isTrue();
        for (int i = 33; i < 39; i++) assertThat(hit(i % 2 == 0 ? ngoViewer : ngoAnalyst, away(i))).isFalse();
        assertThat(hit(ngoAnalyst, away(11))).as("the eighth").isTrue();

        assertThat(hit(ngoAnalyst, away(12))).as("the ninth, of another token").isFalse();
        assertThat(hit(ngoViewer, HIDDEN)).as("even the exact value").isFalse();
        assertThat(hit(ngoViewer, away(10))).as("a hash answered before keeps its answer").isTrue();
    }

    @Test
    void entriesTheAskerMaySeeAreUnaffected() {
        for (int i = 0; i < 20; i++) assertThat(ask(otherPolice, away(i), 31).matches()).extracting(Match::distance).containsExactly(i);
        assertThat(ask(otherPolice, away(25), 31).matches()).extracting(Match::distance).containsExactly(25);
        assertThat(ask(otherPolice, away(5), 4).matches()).as("its own threshold applies to what it may see").isEmpty();
        assertThat(ask(otherPolice, away(4), 4).matches()).extracting(Match::distance).containsExactly(4);
        assertThat(ask(otherPolice, away(4), 4).hits()).isEmpty();
    }

    @Test
    void theQuotaStartsAgainOnTheNextUtcDay() {
        for (int i = 0; i < 8; i++) hit(ngoViewer, away(i));
        assertThat(hit(ngoViewer, away(20))).isFalse();

        clock.advance(Duration.ofHours(1));
        assertThat(hit(ngoViewer, away(20))).as("00:00 UTC the next day").isTrue();
    }

    @Test
    void theCountsSurviveARestart() {
        for (int i = 0; i < 8; i++) hit(ngoViewer, away(i));
        hidden.flush();
        restart();

        assertThat(hit(ngoViewer, away(20))).as("the ninth, after the restart").isFalse();
        assertThat(hit(ngoViewer, away(3))).as("one answered before the restart").isTrue();
        clock.advance(Duration.ofHours(1));
        restart();
        assertThat(hit(ngoViewer, away(40 - 13))).as("the next day").isTrue();
    }

    @Test
    void aProbeIsToldToTheOwnerOnceAndAuditedAndTheAskerIsToldNothing() {
        Code256 edge = away(30);
        for (int bit = 0; bit < 10; bit++) ask(ngoViewer, edge.flip(bit), 31);

        List<Notification> probes = node.notifications.list(ownerPolice.name(), java.util.Set.of(NotificationKind.PROBE_SUSPECTED), 0, 100);
        assertThat(probes).singleElement().satisfies(n -> {
            assertThat(n.details()).containsEntry("asker", "Child NGO").containsEntry("near_queries", "3");
            assertThat(n.details().values()).noneMatch(v -> v.contains(HIDDEN.toHex()) || v.contains(edge.toHex()));
        });
        assertThat(node.notifications.list(ngo.name(), 0, 100)).isEmpty();
        assertThat(node.audit.list(0, 1000)).filteredOn(e -> e.action().equals("match.probe_suspected")).singleElement()
                .satisfies(e -> assertThat(e.actor().organisation()).isEqualTo("Child NGO"));
        assertThat(node.notifications.list(ownerPolice.name(), java.util.Set.of(NotificationKind.MATCH_HIT), 0, 100))
                .as("the hits answered, each naming how many hashes came near").isNotEmpty().last()
                .satisfies(n -> assertThat(n.details().get("near_queries")).endsWith(":8"));
    }

    @Test
    void aStartedRationWritesNothingOnTheRequestsPathUntilItsFlush() {
        hidden.start();
        assertThat(hit(ngoViewer, away(3))).isTrue();
        assertThat(node.notifications.list(ownerPolice.name(), 0, 100)).as("queued, not written").isEmpty();
        long rows = db.read(h -> h.createQuery("SELECT COUNT(*) FROM hidden_answer_days").mapTo(long.class).one());
        assertThat(rows).isZero();

        assertThat(hidden.flush()).isPositive();
        assertThat(node.notifications.list(ownerPolice.name(), 0, 100)).extracting(Notification::kind).containsExactly(NotificationKind.MATCH_HIT);
        assertThat(node.audit.list(0, 1000)).extracting(AuditEvent::action).contains("match.hit");
    }
}
