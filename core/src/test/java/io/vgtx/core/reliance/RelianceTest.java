package io.vgtx.core.reliance;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.casework.Casework;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.NewReport;
import io.vgtx.core.report.Report;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.report.ReportSource;
import io.vgtx.core.report.ReportVerdict;
import io.vgtx.core.report.Reports;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.sharing.SharingHooks;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.EntryOpinions;
import io.vgtx.core.store.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retraction, or enough disputes, reaches the reports and the matchers that relied on an entry, on both databases.
 * Belgian police own a bank with an AMBER, a GREEN and a RED entry (RED shared with the German hotline). The German
 * hotline reports the GREEN and RED hashes hosted in NL: its assessment keeps both, and the report goes to the Dutch
 * police (who may not see RED) and the Dutch hotline. An NGO and other police match entries over the API.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RelianceTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
    Taskforce node;
    Reliance reliance;
    SharedBanks banks;
    SharedMatching matching;
    Reports reports;
    Organisation bePolice, deHotline, nlPolice, nlHotline, ngo, frPolice;
    Principal owner;
    Bank bank;
    long amber, green, red;

    @BeforeEach
    void taskforce() {
        db = Database.open(backend.newDatabase(tempDir));
        node = new Taskforce(db, clock);
        reliance = new Reliance(new MatchLedger(db, clock), node.notifications, node.audit, clock, Reliance.DEFAULT_DISPUTE_THRESHOLD);
        banks = new SharedBanks(node.store, node.recipients, new EntryOpinions(db, clock), node.notifications, node.audit, reliance);
        matching = new SharedMatching(db, node.store, node.recipients, node.organisations, MatchIndex.load(node.store), node.notifications,
                node.audit, reliance);
        reports = new Reports(db, clock, node.organisations, node.store, node.recipients, matching, node.notifications, node.audit,
                ReportSettings.none());
        bePolice = node.organisation("BE Police", OrganisationKind.LAW_ENFORCEMENT, "BE", MembershipState.ACTIVE);
        deHotline = node.organisation("DE Hotline", OrganisationKind.HOTLINE, "DE", MembershipState.ACTIVE);
        nlPolice = node.organisation("NL Police", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE);
        node.organisations.setJurisdictions(nlPolice.id(), List.of("NL"));
        nlHotline = node.organisation("NL Hotline", OrganisationKind.HOTLINE, "NL", MembershipState.ACTIVE);
        ngo = node.organisation("Child NGO", OrganisationKind.NGO, "FR", MembershipState.ACTIVE);
        frPolice = node.organisation("FR Police", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.ACTIVE);
        owner = node.principal(bePolice, Role.ANALYST);
        bank = banks.create(owner, "be-bank", Distribution.AMBER, Optional.of(Category.A), List.of(deHotline.id()));
        banks.addEntries(owner, bank.id(), List.of(
                EntryData.of(PdqSignal.PDQ, pdq(1)).withDistribution(Distribution.AMBER),
                EntryData.of(PdqSignal.PDQ, pdq(2)).withDistribution(Distribution.GREEN),
                EntryData.of(PdqSignal.PDQ, pdq(3)).withDistribution(Distribution.RED)));
        var entries = banks.entries(owner, bank.id(), 0, 10).entries();
        amber = entries.get(0).id();
        green = entries.get(1).id();
        red = entries.get(2).id();
    }

    @AfterEach
    void close() {
        reliance.close();
        db.close();
    }

    /** The German hotline's report of the GREEN and RED hashes (and one that matches nothing), assessed illegal: routed to NL. */
    private Report reportGreenAndRed() {
        Principal hotline = node.principal(deHotline, Role.ANALYST);
        Report made = reports.create(hotline, new NewReport(Optional.of("https://files.example.nl/x"),
                List.of(query(near(pdq(2))), query(pdq(3)), query(pdq(99))), ReportSource.PUBLIC, Optional.empty(), "NL", Optional.empty()));
        reports.assess(hotline, made.id(), new ReportVerdict.Illegal(Category.A, Optional.empty()));
        return made;
    }

    @Test
    void aRetractionTellsTheReporterAndEveryReceiverOnceAndNamesTheEntryOnlyToThoseWhoMaySeeIt() {
        Report report = reportGreenAndRed();

        banks.retract(owner, red);
        banks.retract(owner, red);

        assertThat(told(deHotline, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("report:" + report.id());
            assertThat(n.details()).containsEntry("entry", String.valueOf(red)).containsEntry("bank", "be-bank")
                    .containsEntry("owner", "BE Police").containsEntry("contact", "be.police@example.org")
                    .containsEntry("report", String.valueOf(report.id())).containsEntry("relation", "REPORTER");
        });
        for (Organisation receiver : List.of(nlPolice, nlHotline)) {
            assertThat(told(receiver, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).as(receiver.name()).singleElement().satisfies(n -> {
                assertThat(n.subject()).isEqualTo("report:" + report.id());
                assertThat(n.details()).as("RED, not shared with %s", receiver.name())
                        .containsOnlyKeys("note", "owner", "contact", "report", "relation")
                        .containsEntry("note", "an entry your report relied on was withdrawn by its owner")
                        .containsEntry("owner", "BE Police").containsEntry("contact", "be.police@example.org")
                        .containsEntry("relation", "RECEIVER");
            });
        }
        assertThat(node.notifications.list("BE Police", 0, 100)).as("the owner retracted it itself")
                .noneMatch(n -> n.kind() == NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT);
        assertThat(told(deHotline, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH))
                .as("the reporter matched it when assessing, and was told through its report").isEmpty();
        assertThat(told(ngo, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).isEmpty();
    }

    @Test
    void anEntryBehindAHitAReportKeptReachesItsReadersAsAHitWould() {
        Principal hotline = node.principal(nlHotline, Role.ANALYST);
        Report made = reports.create(hotline, new NewReport(Optional.of("https://files.example.nl/y"), List.of(query(near(pdq(1)))),
                ReportSource.PUBLIC, Optional.empty(), "NL", Optional.empty()));
        var assessed = reports.assess(hotline, made.id(), new ReportVerdict.Illegal(Category.A, Optional.empty()));
        assertThat(assessed.results().getFirst().matches()).as("AMBER: a hotline may not see it").isEmpty();
        assertThat(assessed.results().getFirst().hits()).extracting(h -> h.organisation()).containsExactly("BE Police");

        banks.retract(owner, amber);

        assertThat(told(nlHotline, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("report:" + made.id());
            assertThat(n.details()).containsOnlyKeys("note", "owner", "contact", "report", "relation")
                    .containsEntry("owner", "BE Police").containsEntry("contact", "be.police@example.org")
                    .containsEntry("relation", "REPORTER");
        });
        assertThat(told(nlPolice, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).as("a receiver that may see AMBER").singleElement()
                .satisfies(n -> assertThat(n.details()).containsEntry("entry", String.valueOf(amber)).containsEntry("relation", "RECEIVER"));
    }

    @Test
    void aVisibleEntryIsNamedToEachReaderOfTheReport() {
        Report report = reportGreenAndRed();

        banks.retract(owner, green);

        for (Organisation reader : List.of(deHotline, nlPolice, nlHotline)) {
            assertThat(told(reader, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).as(reader.name()).singleElement()
                    .satisfies(n -> assertThat(n.details()).containsEntry("entry", String.valueOf(green)).containsEntry("bank", "be-bank")
                            .containsEntry("report", String.valueOf(report.id())).doesNotContainValue(pdq(2)));
        }
    }

    @Test
    void disputesPastTheThresholdTellTheReportsAndTheMatchersOnce() {
        Report report = reportGreenAndRed();
        matching.match(node.principal(ngo, Role.VIEWER), List.of(query(pdq(2))), PdqSignal.DEFAULT_THRESHOLD);
        Organisation itPolice = node.active("IT Police", OrganisationKind.LAW_ENFORCEMENT);

        banks.giveOpinion(node.principal(frPolice, Role.ANALYST), green, Verdict.DISPUTE, Optional.of("not CSAM"));
        assertThat(told(nlPolice, NotificationKind.ENTRY_DISPUTED_IN_REPORT)).isEmpty();
        assertThat(told(ngo, NotificationKind.ENTRY_DISPUTED_AFTER_MATCH)).isEmpty();
        banks.giveOpinion(node.principal(itPolice, Role.ANALYST), green, Verdict.CONFIRM, Optional.empty());
        banks.giveOpinion(node.principal(itPolice, Role.ANALYST), green, Verdict.DISPUTE, Optional.empty());
        banks.giveOpinion(node.principal(nlHotline, Role.ANALYST), green, Verdict.DISPUTE, Optional.empty());

        for (Organisation reader : List.of(deHotline, nlPolice, nlHotline)) {
            assertThat(told(reader, NotificationKind.ENTRY_DISPUTED_IN_REPORT)).as(reader.name()).singleElement().satisfies(n -> {
                assertThat(n.subject()).isEqualTo("report:" + report.id());
                assertThat(n.details()).containsEntry("disputes", "2").containsEntry("entry", String.valueOf(green))
                        .containsEntry("note", "an entry your report relied on is disputed by other organisations");
            });
        }
        assertThat(told(ngo, NotificationKind.ENTRY_DISPUTED_AFTER_MATCH)).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("entry:" + green);
            assertThat(n.details()).containsEntry("disputes", "2").containsEntry("entry", String.valueOf(green))
                    .containsEntry("bank", "be-bank").containsEntry("note", "an entry you matched is disputed by other organisations");
        });
    }

    @Test
    void aMatcherIsToldOfTheRetractionBeforeAndAfterItsRecordIsWritten() {
        matching.match(node.principal(ngo, Role.VIEWER), List.of(query(near(pdq(2))), query(pdq(3))), PdqSignal.DEFAULT_THRESHOLD);
        matching.match(node.principal(deHotline, Role.VIEWER), List.of(query(pdq(3))), PdqSignal.DEFAULT_THRESHOLD);
        matching.match(node.principal(frPolice, Role.VIEWER), List.of(query(pdq(1)), query(pdq(3))), PdqSignal.DEFAULT_THRESHOLD);
        assertThat(reliance.ledger().pending()).as("RED is shown to the German hotline only").isEqualTo(3);
        assertThat(rows()).as("nothing written on the request's path").isZero();

        banks.retract(owner, green);
        assertThat(reliance.ledger().flush()).isEqualTo(3);
        banks.retract(owner, red);
        banks.retract(owner, amber);

        assertThat(told(ngo, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("entry:" + green);
            assertThat(n.details()).containsEntry("entry", String.valueOf(green)).containsEntry("bank", "be-bank")
                    .containsEntry("owner", "BE Police").containsEntry("contact", "be.police@example.org")
                    .containsEntry("note", "an entry you matched was withdrawn by its owner");
        });
        assertThat(told(deHotline, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).singleElement()
                .satisfies(n -> assertThat(n.subject()).isEqualTo("entry:" + red));
        assertThat(told(frPolice, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).singleElement()
                .satisfies(n -> assertThat(n.details()).containsEntry("entry", String.valueOf(amber)));
        assertThat(node.audit.list(0, 1000)).filteredOn(e -> e.action().equals("reliance.entry_retracted")).hasSize(3);
    }

    @Test
    void aMatcherThatMayNoLongerSeeTheEntryIsToldOnlyWhatAHitWouldTell() {
        matching.match(node.principal(frPolice, Role.VIEWER), List.of(query(pdq(1))), PdqSignal.DEFAULT_THRESHOLD);
        matching.match(node.principal(deHotline, Role.VIEWER), List.of(query(pdq(3))), PdqSignal.DEFAULT_THRESHOLD);
        reliance.ledger().flush();
        node.organisations.suspend(frPolice.id());
        node.recipients.set("be-bank", List.of());

        banks.retract(owner, amber);
        banks.retract(owner, red);

        for (Organisation matcher : List.of(frPolice, deHotline)) {
            assertThat(told(matcher, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).as(matcher.name()).singleElement().satisfies(n -> {
                assertThat(n.subject()).isEqualTo("match");
                assertThat(n.details()).containsOnlyKeys("note", "owner", "contact").containsEntry("owner", "BE Police");
            });
        }
    }

    @Test
    void aRequestWithoutVisibleMatchesOfOthersRecordsAndWritesNothing() {
        matching.match(node.principal(ngo, Role.VIEWER), List.of(query(pdq(98)), query(pdq(1))), PdqSignal.DEFAULT_THRESHOLD);
        matching.match(owner, List.of(query(pdq(2)), query(pdq(3))), PdqSignal.DEFAULT_THRESHOLD);

        assertThat(reliance.ledger().pending()).as("a miss, a hit/no-hit answer and the owner's own entries").isZero();
        assertThat(reliance.ledger().flush()).isZero();
        assertThat(reliance.ledger().written()).isZero();
        assertThat(rows()).isZero();
        banks.retract(owner, amber);
        assertThat(told(ngo, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).isEmpty();
    }

    @Test
    void aPairIsWrittenOnceAndItsLastMatchMovesAtMostHourly() {
        Principal ngoViewer = node.principal(ngo, Role.VIEWER);
        for (int i = 0; i < 3; i++) matching.match(ngoViewer, List.of(query(pdq(2)), query(near(pdq(2)))), PdqSignal.DEFAULT_THRESHOLD);
        assertThat(reliance.ledger().pending()).isEqualTo(1);
        assertThat(reliance.ledger().flush()).isEqualTo(1);
        Instant first = clock.instant();

        clock.advance(Duration.ofMinutes(59));
        matching.match(ngoViewer, List.of(query(pdq(2))), PdqSignal.DEFAULT_THRESHOLD);
        assertThat(reliance.ledger().pending()).as("remembered as written").isZero();
        assertThat(reliance.ledger().flush()).isZero();

        clock.advance(Duration.ofMinutes(2));
        matching.match(ngoViewer, List.of(query(pdq(2))), PdqSignal.DEFAULT_THRESHOLD);
        assertThat(reliance.ledger().flush()).isEqualTo(1);
        assertThat(reliance.ledger().written()).isEqualTo(2);
        List<String> stored = db.read(h -> h.createQuery("SELECT entry_id, organisation, first_matched_at, last_matched_at FROM entry_matchers")
                .map((rs, ctx) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4)).list());
        assertThat(stored).containsExactly(green + "|Child NGO|" + first.toEpochMilli() + "|" + clock.instant().toEpochMilli());
    }

    @Test
    void aForgottenPairIsWrittenAgainHarmlessly() {
        MatchLedger small = new MatchLedger(db, clock, Duration.ofSeconds(1), Duration.ofHours(1), 1);
        small.offer("Child NGO", java.util.Set.of(green));
        small.offer("Child NGO", java.util.Set.of(red));
        assertThat(small.flush()).isEqualTo(2);
        small.offer("Child NGO", java.util.Set.of(red));
        small.offer("Child NGO", java.util.Set.of(green));
        assertThat(small.flush()).as("only one pair is remembered").isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
        small.close();
    }

    @Test
    void pairsThatCouldNotBeWrittenWaitForTheNextFlush() {
        Database unavailable = Database.open(backend.newDatabase(tempDir.resolve("other")));
        MatchLedger ledger = new MatchLedger(unavailable, clock);
        unavailable.close();
        ledger.offer("Child NGO", java.util.Set.of(green, red));

        org.assertj.core.api.Assertions.assertThatThrownBy(ledger::flush).isInstanceOf(RuntimeException.class);
        assertThat(ledger.pending()).isEqualTo(2);
        assertThat(ledger.written()).isZero();
        ledger.close();
    }

    @Test
    void aBurstIsWrittenInShortTransactions() {
        MatchLedger ledger = new MatchLedger(db, clock);
        java.util.Set<Long> ids = new java.util.HashSet<>(List.of(amber, green, red));
        for (int i = 0; i < 400; i++) ledger.offer("Org " + i, ids);
        assertThat(ledger.flush()).isEqualTo(1200);
        assertThat(rows()).isEqualTo(1200);
        ledger.close();
    }

    @Test
    void theBackgroundWriterFlushesEveryIntervalAndOnClose() throws InterruptedException {
        MatchLedger ledger = new MatchLedger(db, clock, Duration.ofMillis(20), Duration.ofHours(1), 1000).start();
        ledger.offer("Child NGO", java.util.Set.of(green));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rows() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(rows()).isEqualTo(1);

        MatchLedger slow = new MatchLedger(db, clock, Duration.ofHours(1), Duration.ofHours(1), 1000).start();
        slow.offer("FR Police", java.util.Set.of(amber));
        slow.close();
        ledger.close();
        assertThat(rows()).as("what was left is written when it stops").isEqualTo(2);
    }

    @Test
    void aRetractionOnTheNodesOwnMachineReachesReportsAndMatchers() {
        Report report = reportGreenAndRed();
        matching.match(node.principal(ngo, Role.VIEWER), List.of(query(pdq(2))), PdqSignal.DEFAULT_THRESHOLD);
        reliance.ledger().flush();
        Reliance elsewhere = Reliance.open(db, clock, node.notifications, node.audit, 2);

        node.store.retract("be-bank", PdqSignal.PDQ, pdq(2), elsewhere::retracted);

        assertThat(told(nlHotline, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).singleElement()
                .satisfies(n -> assertThat(n.subject()).isEqualTo("report:" + report.id()));
        assertThat(told(ngo, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).hasSize(1);
        elsewhere.close();
    }

    @Test
    void anImportThatGivesAnEntryAsRetractedTellsThoseWhoReliedOnItAsARetractionWould() {
        Report report = reportGreenAndRed();
        matching.match(node.principal(ngo, Role.VIEWER), List.of(query(pdq(2))), PdqSignal.DEFAULT_THRESHOLD);

        banks.importEntries(owner, bank.id(), io.vgtx.core.store.EntrySource.of(List.of(
                EntryData.of(PdqSignal.PDQ, pdq(2)).withState(io.vgtx.core.bank.EntryState.RETRACTED),
                EntryData.of(PdqSignal.PDQ, pdq(4)))), java.util.Map.of());

        for (Organisation reader : List.of(deHotline, nlPolice, nlHotline)) {
            assertThat(told(reader, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).as(reader.name()).singleElement()
                    .satisfies(n -> assertThat(n.details()).containsEntry("entry", String.valueOf(green))
                            .containsEntry("report", String.valueOf(report.id())));
        }
        assertThat(told(ngo, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).hasSize(1);

        banks.importEntries(owner, bank.id(), io.vgtx.core.store.EntrySource.of(List.of(
                EntryData.of(PdqSignal.PDQ, pdq(2)).withState(io.vgtx.core.bank.EntryState.RETRACTED))), java.util.Map.of());
        assertThat(told(ngo, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).as("retracted already: no one is told twice").hasSize(1);
    }

    @Test
    void anImportThatFailsTellsNoOne() {
        reportGreenAndRed();
        List<EntryData> retractThenFail = List.of(EntryData.of(PdqSignal.PDQ, pdq(2)).withState(io.vgtx.core.bank.EntryState.RETRACTED));
        io.vgtx.core.store.EntrySource failing = new io.vgtx.core.store.EntrySource() {
            private int read;

            /** The retraction, then enough new entries that its batch is written (and its alerts made), then a bad record. */
            @Override
            public Optional<EntryData> next() {
                if (read < retractThenFail.size()) return Optional.of(retractThenFail.get(read++));
                if (read++ < 1_500) return Optional.of(EntryData.of(PdqSignal.PDQ, pdq(1_000 + read)));
                throw new IllegalArgumentException("line 1501: not a hash");
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> banks.importEntries(owner, bank.id(), failing, java.util.Map.of()))
                .isInstanceOf(io.vgtx.core.store.ImportFailedException.class);

        assertThat(told(nlHotline, NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT)).isEmpty();
        assertThat(banks.entries(owner, bank.id(), 0, 10).entries()).filteredOn(e -> e.id() == green)
                .singleElement().satisfies(e -> assertThat(e.data().state()).isEqualTo(io.vgtx.core.bank.EntryState.ACTIVE));
    }

    @Test
    void alongsideCaseworkBothAreTold() {
        Casework casework = Casework.open(db, clock, node.store, node.recipients, node.organisations, node.notifications, node.audit);
        SharingHooks both = SharingHooks.all(casework, reliance);
        SharedBanks shared = new SharedBanks(node.store, node.recipients, new EntryOpinions(db, clock), node.notifications, node.audit, both);
        SharedMatching matcher = new SharedMatching(db, node.store, node.recipients, node.organisations, MatchIndex.load(node.store),
                node.notifications, node.audit, both);
        Principal fr = node.principal(frPolice, Role.ANALYST);
        var opened = casework.cases().open(fr, "Op", Optional.empty());
        casework.cases().linkHashes(fr, opened.id(), List.of(new io.vgtx.core.casework.HashRef(PdqSignal.PDQ, pdq(1))));
        matcher.match(fr, List.of(query(pdq(1))), PdqSignal.DEFAULT_THRESHOLD);

        shared.retract(owner, amber);

        assertThat(told(frPolice, NotificationKind.ENTRY_WITHDRAWN_FROM_CASE)).hasSize(1);
        assertThat(told(frPolice, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH)).hasSize(1);
    }

    private List<Notification> told(Organisation org, NotificationKind kind) {
        return node.notifications.list(org.name(), 0, 1000).stream().filter(n -> n.kind() == kind).toList();
    }

    private long rows() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM entry_matchers").mapTo(Long.class).one());
    }

    private static HashQuery query(String hex) {
        return new HashQuery(PdqSignal.PDQ, hex, Optional.empty());
    }

    /** Hash n: SHA-256 of n's text, so two of them are ~128 bits apart, never within a match threshold. */
    static String pdq(int n) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Integer.toString(n).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 5 bits away: a near-duplicate that matches. */
    static String near(String hex) {
        BigInteger value = new BigInteger(hex, 16);
        for (int i = 0; i < 5; i++) value = value.flipBit(255 - i);
        return String.format("%064x", value);
    }
}
