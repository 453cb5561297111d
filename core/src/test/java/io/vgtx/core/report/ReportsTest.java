package io.vgtx.core.report;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.audit.VerifyReport;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.UserRef;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.ReportDetail.HashResult;
import io.vgtx.core.report.ReportDetail.Relation;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.Hit;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.store.TestClock;
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
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The hotline workflow through the service, on both databases. A German hotline reports; the Dutch police (NL
 * jurisdiction) and the Dutch hotline receive what is hosted in NL; the French police are suspended; INTERPOL is
 * the fallback when it is configured. A Belgian police bank holds one AMBER, one GREEN and one RED entry (RED
 * shared with the German hotline), so the reporter and each receiver see different parts of a report's matches.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class ReportsTest {
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    TestClock clock;
    Taskforce node;
    Organisation deHotline, nlPolice, nlHotline, frPolice, bePolice, interpol, ngo;
    Principal reporter;
    Bank bank;
    long amber, green, red;

    @BeforeEach
    void taskforce() {
        db = Database.open(backend.newDatabase(tempDir));
        clock = new TestClock(START);
        node = new Taskforce(db, clock);
        deHotline = org("DE Hotline", OrganisationKind.HOTLINE, "DE", MembershipState.ACTIVE);
        nlPolice = org("NL Police", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE, "NL", "AW");
        nlHotline = org("NL Hotline", OrganisationKind.HOTLINE, "NL", MembershipState.ACTIVE);
        frPolice = org("FR Police", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.SUSPENDED, "FR");
        bePolice = org("BE Police", OrganisationKind.LAW_ENFORCEMENT, "BE", MembershipState.ACTIVE);
        interpol = org("INTERPOL", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.ACTIVE);
        ngo = org("Child NGO", OrganisationKind.NGO, "NL", MembershipState.ACTIVE, "NL");
        reporter = node.principal(deHotline, Role.ANALYST);
        Principal owner = node.principal(bePolice, Role.ANALYST);
        bank = node.banks.create(owner, "be-series", Distribution.AMBER, Optional.of(Category.A), List.of(deHotline.id()));
        node.banks.addEntries(owner, bank.id(), List.of(
                EntryData.of(PdqSignal.PDQ, pdqHash(1)).withDistribution(Distribution.AMBER),
                EntryData.of(PdqSignal.PDQ, pdqHash(2)).withDistribution(Distribution.GREEN).withCategory(Category.B),
                EntryData.of(PdqSignal.PDQ, pdqHash(3)).withDistribution(Distribution.RED)));
        var entries = node.banks.entries(owner, bank.id(), 0, 10).entries();
        amber = entries.get(0).id();
        green = entries.get(1).id();
        red = entries.get(2).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Organisation org(String name, OrganisationKind kind, String country, MembershipState state, String... jurisdictions) {
        Organisation org = node.organisation(name, kind, country, state);
        if (jurisdictions.length > 0) node.organisations.setJurisdictions(org.id(), List.of(jurisdictions));
        return node.organisations.find(org.id()).orElseThrow();
    }

    private Reports reports(ReportSettings settings) {
        return new Reports(db, clock, node.organisations, node.store, node.recipients, node.matching(), node.notifications, node.audit, settings);
    }

    private Reports reports() {
        return reports(ReportSettings.none());
    }

    private static NewReport report(String country, int... hashes) {
        return new NewReport(Optional.of("https://files.example.net/a/" + country), java.util.Arrays.stream(hashes).mapToObj(ReportsTest::pdq).toList(),
                ReportSource.PUBLIC, Optional.empty(), country, Optional.of("DE"));
    }

    private static ReportVerdict illegal(Category category) {
        return new ReportVerdict.Illegal(category, Optional.empty());
    }

    @Test
    void aStepRecordedByAConsoleUserNamesTheUserAndOneByATokenTheToken() {
        Reports reports = reports();
        Principal alice = asUser(reporter, new UserRef(12, "alice"));
        Report made = reports.create(alice, report("NL", 1));
        assertThat(made.created().actor()).isEqualTo("user:12 alice");
        assertThat(made.created().tokenId()).isZero();
        reports.assess(reporter, made.id(), illegal(Category.A));
        Principal bob = asUser(node.principal(nlPolice, Role.ANALYST), new UserRef(13, "bob"));
        reports.takedown(bob, made.id(), TakedownStep.NOTICE_SENT, Optional.empty());

        Report read = reports.read(node.principal(nlPolice, Role.VIEWER), made.id()).report();
        assertThat(read.created().actor()).isEqualTo("user:12 alice");
        assertThat(read.assessment().orElseThrow().step().actor()).isEqualTo("token:" + reporter.tokenId());
        assertThat(read.noticeSent().orElseThrow().actor()).isEqualTo("user:13 bob");
        assertThat(read.noticeSent().orElseThrow().organisation()).isEqualTo("NL Police");
    }

    @Test
    void stepsRecordedBeforeActorsWereKeptStillNameTheirToken() {
        Reports reports = reports();
        Report made = reports.create(reporter, report("NL", 1));
        reports.assess(reporter, made.id(), illegal(Category.A));
        db.write(handle -> handle.execute("UPDATE reports SET created_actor = NULL, assessed_actor = NULL"));

        Report read = reports.read(reporter, made.id()).report();
        assertThat(read.created().actor()).isEqualTo("token:" + reporter.tokenId());
        assertThat(read.assessment().orElseThrow().step().actor()).isEqualTo("token:" + reporter.tokenId());
    }

    private static Principal asUser(Principal token, UserRef user) {
        return new Principal(0, token.organisationId(), token.organisationName(), token.kind(), token.state(), token.role(), token.operator(),
                Optional.of(user));
    }

    @Test
    void aReportIsReceivedAssessedRoutedAndTakenDownWithWhoAndWhenForEveryStep() {
        Reports reports = reports();
        Report made = reports.create(reporter, report("NL", 2));
        assertThat(made.state()).isEqualTo(ReportState.RECEIVED);
        assertThat(made.reportedAt()).isEqualTo(START);
        assertThat(made.reporter()).isEqualTo("DE Hotline");

        clock.advance(Duration.ofHours(1));
        ReportDetail assessed = reports.assess(reporter, made.id(), illegal(Category.A));
        assertThat(assessed.report().state()).isEqualTo(ReportState.ROUTED);
        assertThat(assessed.report().assessment()).hasValueSatisfying(a -> {
            assertThat(a.verdict()).isEqualTo(illegal(Category.A));
            assertThat(a.step()).isEqualTo(new Step(START.plus(Duration.ofHours(1)), "DE Hotline", reporter.tokenId(), "token:" + reporter.tokenId()));
        });
        assertThat(assessed.report().routes()).extracting(Route::organisation, Route::reason)
                .containsExactly(tuple("NL Police", Route.Reason.JURISDICTION), tuple("NL Hotline", Route.Reason.HOTLINE));
        assertThat(assessed.report().routeNote()).isEmpty();

        Principal police = node.principal(nlPolice, Role.ANALYST);
        clock.advance(Duration.ofHours(2));
        reports.takedown(police, made.id(), TakedownStep.NOTICE_SENT, Optional.empty());
        clock.advance(Duration.ofHours(20));
        Instant removedAt = clock.instant().minus(Duration.ofHours(1));
        reports.takedown(node.principal(nlHotline, Role.ADMIN), made.id(), TakedownStep.REMOVED, Optional.of(removedAt));
        clock.advance(Duration.ofDays(2));
        Report confirmed = reports.takedown(reporter, made.id(), TakedownStep.REMOVAL_CONFIRMED, Optional.empty()).report();

        assertThat(confirmed.state()).isEqualTo(ReportState.REMOVAL_CONFIRMED);
        assertThat(confirmed.noticeSent()).hasValue(new Step(START.plus(Duration.ofHours(3)), "NL Police", police.tokenId(), "token:" + police.tokenId()));
        assertThat(confirmed.removed()).hasValueSatisfying(s -> assertThat(s.at()).isEqualTo(removedAt));
        assertThat(confirmed.removed().orElseThrow().organisation()).isEqualTo("NL Hotline");
        assertThat(confirmed.removalConfirmed().orElseThrow().organisation()).isEqualTo("DE Hotline");

        List<String> actions = node.audit.list(0, 1000).stream().filter(e -> e.subject().equals("report:" + made.id())).map(AuditEvent::action).toList();
        assertThat(actions).containsExactly("report.create", "report.assess", "report.route", "report.takedown", "report.takedown", "report.takedown");
        assertThat(node.audit.verify()).isInstanceOf(VerifyReport.Intact.class);
        assertThat(node.audit.list(0, 1000)).allSatisfy(e -> assertThat(e.details().toString()).doesNotContain("files.example.net"));
    }

    @Test
    void eachReceiverIsNotifiedOnceAndSeesItInItsIncomingQueue() {
        Reports reports = reports();
        Report made = reports.create(reporter, report("NL", 2));
        reports.assess(reporter, made.id(), illegal(Category.B));

        for (Organisation receiver : List.of(nlPolice, nlHotline)) {
            List<Notification> told = node.notifications.list(receiver.name(), 0, 10);
            assertThat(told).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(NotificationKind.REPORT_ROUTED);
                assertThat(n.subject()).isEqualTo("report:" + made.id());
                assertThat(n.details()).containsEntry("reporter", "DE Hotline").containsEntry("hosting_country", "NL")
                        .containsEntry("category", "B");
                assertThat(n.details().values()).noneMatch(v -> v.contains("example.net"));
            });
            Principal viewer = node.principal(receiver, Role.VIEWER);
            assertThat(reports.list(viewer, Reports.Queue.INCOMING, Optional.empty(), 0, 10).reports()).extracting(Report::id).containsExactly(made.id());
            assertThat(reports.list(viewer, Reports.Queue.OWN, Optional.empty(), 0, 10).reports()).isEmpty();
        }
        assertThat(node.notifications.list("Child NGO", 0, 10)).as("an NGO with NL jurisdiction is not a receiver").isEmpty();
        assertThat(reports.list(reporter, Reports.Queue.OWN, Optional.empty(), 0, 10).reports()).extracting(Report::id).containsExactly(made.id());
        assertThat(reports.list(reporter, Reports.Queue.INCOMING, Optional.empty(), 0, 10).reports()).isEmpty();

        reports.reroute(reporter, made.id());
        assertThat(node.notifications.list("NL Police", 0, 10)).as("routing again tells no one twice").hasSize(1);
    }

    @Test
    void aSuspendedOrganisationIsNotRoutedToAndTheFallbackTakesWhatNoActivePoliceHolds() {
        Report withoutFallback = reports().create(reporter, report("FR", 2));
        ReportDetail stuck = reports().assess(reporter, withoutFallback.id(), illegal(Category.A));
        assertThat(stuck.report().state()).isEqualTo(ReportState.ASSESSED);
        assertThat(stuck.report().routes()).isEmpty();
        assertThat(stuck.report().routeNote()).hasValueSatisfying(note -> assertThat(note)
                .startsWith("no route: no ACTIVE law-enforcement organisation holds jurisdiction for FR")
                .contains("no fallback organisation is configured"));
        assertThat(node.notifications.list("FR Police", 0, 10)).isEmpty();

        Reports withInterpol = reports(ReportSettings.fallback("INTERPOL"));
        Report routed = withInterpol.reroute(reporter, withoutFallback.id()).report();
        assertThat(routed.state()).isEqualTo(ReportState.ROUTED);
        assertThat(routed.routes()).extracting(Route::organisation, Route::reason).containsExactly(tuple("INTERPOL", Route.Reason.FALLBACK));
        assertThat(routed.routeNote()).hasValueSatisfying(note -> assertThat(note).contains("routed to the fallback organisation 'INTERPOL'"));

        Report other = withInterpol.create(reporter, report("FR", 2));
        assertThat(withInterpol.assess(reporter, other.id(), illegal(Category.C)).report().routes()).extracting(Route::organisation)
                .containsExactly("INTERPOL");

        node.organisations.reinstate(frPolice.id());
        Report later = withInterpol.create(reporter, report("FR", 2));
        assertThat(withInterpol.assess(reporter, later.id(), illegal(Category.C)).report().routes()).extracting(Route::organisation)
                .as("once reinstated, the French police hold FR again: no fallback").containsExactly("FR Police");
    }

    @Test
    void aFallbackThatIsNotActiveLeavesTheReportAssessedUntilSomeoneTakesTheJurisdiction() {
        Reports reports = reports(ReportSettings.fallback("Nobody Here"));
        Report made = reports.create(reporter, report("IT", 2));
        ReportDetail assessed = reports.assess(reporter, made.id(), illegal(Category.A));
        assertThat(assessed.report().state()).isEqualTo(ReportState.ASSESSED);
        assertThat(assessed.report().routeNote().orElseThrow()).contains("'Nobody Here' is not an ACTIVE organisation");
        assertThatThrownBy(() -> reports.takedown(reporter, made.id(), TakedownStep.NOTICE_SENT, Optional.empty()))
                .isInstanceOf(ReportTransitionException.class).hasMessageContaining("once the report is routed");

        node.organisations.setJurisdictions(bePolice.id(), List.of("BE", "IT"));
        Report routed = reports.reroute(reporter, made.id()).report();
        assertThat(routed.state()).isEqualTo(ReportState.ROUTED);
        assertThat(routed.routes()).extracting(Route::organisation).containsExactly("BE Police");
        assertThat(routed.routeNote()).isEmpty();
    }

    @Test
    void theAssessorsMatchesAreKeptAndEachReaderSeesOnlyTheEntriesItMaySee() {
        Reports reports = reports();
        Report made = reports.create(reporter, report("NL", 1, 2, 3, 4));
        ReportDetail asAssessed = reports.assess(reporter, made.id(), illegal(Category.A));

        Hit bePoliceHit = new Hit("BE Police", Optional.of("be.police@example.org"));
        // The hotline sees GREEN and the RED entry shared with it; AMBER is for law enforcement: a hit.
        assertThat(asAssessed.results()).extracting(r -> r.matches().stream().map(m -> m.entry().id()).toList(), HashResult::hits).containsExactly(
                tuple(List.of(), List.of(bePoliceHit)),
                tuple(List.of(green), List.of()),
                tuple(List.of(red), List.of()),
                tuple(List.of(), List.of()));
        assertThat(asAssessed.results().get(1).matches().getFirst().distance()).isZero();
        assertThat(node.notifications.list("BE Police", 0, 10)).extracting(Notification::kind).containsExactly(NotificationKind.MATCH_HIT);

        // The Dutch police may see AMBER, but the hotline's match never held that entry: still a hit. RED is not shared with them: a hit.
        ReportDetail asPolice = reports.read(node.principal(nlPolice, Role.VIEWER), made.id());
        assertThat(asPolice.relation()).isEqualTo(Relation.RECEIVER);
        assertThat(asPolice.results()).extracting(r -> r.matches().stream().map(m -> m.entry().id()).toList(), HashResult::hits).containsExactly(
                tuple(List.of(), List.of(bePoliceHit)),
                tuple(List.of(green), List.of()),
                tuple(List.of(), List.of(bePoliceHit)),
                tuple(List.of(), List.of()));
        ReportDetail asHotline = reports.read(node.principal(nlHotline, Role.VIEWER), made.id());
        assertThat(asHotline.results().get(2).matches()).as("the RED entry is the German hotline's to see, not the Dutch one's").isEmpty();
        assertThat(asHotline.results().get(2).hits()).containsExactly(bePoliceHit);

        assertThat(reports.read(reporter, made.id()).relation()).isEqualTo(Relation.REPORTER);
        List<AuditEvent> reads = node.audit.list(0, 1000).stream().filter(e -> e.action().equals("report.read")).toList();
        assertThat(reads).extracting(e -> e.actor().organisation()).containsExactly("NL Police", "NL Hotline", "DE Hotline");
        assertThat(reads.getLast().details()).containsEntry("restricted_matches", "1").containsEntry("relation", "REPORTER");
    }

    @Test
    void noOneButTheReporterAndItsReceiversFindsAReport() {
        Reports reports = reports();
        Report made = reports.create(reporter, report("NL", 2));
        reports.assess(reporter, made.id(), illegal(Category.A));

        for (Organisation outsider : List.of(bePolice, interpol, ngo, node.operator)) {
            Principal admin = node.principal(outsider, Role.ADMIN);
            assertThatThrownBy(() -> reports.read(admin, made.id())).isInstanceOf(NotFoundException.class).hasMessage("no report " + made.id());
            assertThatThrownBy(() -> reports.takedown(admin, made.id(), TakedownStep.NOTICE_SENT, Optional.empty())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> reports.reroute(admin, made.id())).isInstanceOf(NotFoundException.class);
            assertThat(reports.list(admin, Reports.Queue.ALL, Optional.empty(), 0, 10).reports()).isEmpty();
        }
        assertThatThrownBy(() -> reports.read(reporter, made.id() + 1000)).as("missing and hidden look the same").isInstanceOf(NotFoundException.class)
                .hasMessage("no report " + (made.id() + 1000));
        Principal receiver = node.principal(nlPolice, Role.ADMIN);
        assertThatThrownBy(() -> reports.reroute(receiver, made.id())).isInstanceOf(AccessDeniedException.class).hasMessageContaining("only the reporting organisation");
        assertThatThrownBy(() -> reports.takedown(node.principal(nlPolice, Role.VIEWER), made.id(), TakedownStep.NOTICE_SENT, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.read(node.principal(nlPolice, Role.BOARD), made.id())).isInstanceOf(AccessDeniedException.class);

        node.organisations.suspend(nlPolice.id());
        Principal suspended = node.principal(node.organisations.find(nlPolice.id()).orElseThrow(), Role.ADMIN);
        assertThatThrownBy(() -> reports.read(suspended, made.id())).isInstanceOf(AccessDeniedException.class).hasMessageContaining("SUSPENDED");
    }

    @Test
    void onlyTheReporterAssessesAndOnlyOnce() {
        Reports reports = reports();
        Report made = reports.create(reporter, report("NL", 2));
        assertThatThrownBy(() -> reports.assess(node.principal(deHotline, Role.VIEWER), made.id(), illegal(Category.A)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.assess(node.principal(nlPolice, Role.ANALYST), made.id(), illegal(Category.A)))
                .as("not routed yet: the police cannot even find it").isInstanceOf(NotFoundException.class);
        reports.assess(reporter, made.id(), illegal(Category.A));
        assertThatThrownBy(() -> reports.assess(node.principal(nlPolice, Role.ANALYST), made.id(), illegal(Category.A)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.assess(reporter, made.id(), new ReportVerdict.NotIllegal("adult")))
                .isInstanceOf(ReportTransitionException.class).hasMessage("report " + made.id() + " cannot go from ROUTED to NOT_ILLEGAL: it was assessed already");
    }

    @Test
    void aReportAssessedAsNotIllegalIsFinalAndGoesNowhere() {
        Reports reports = reports();
        Report made = reports.create(reporter, report("NL", 2));
        ReportDetail assessed = reports.assess(reporter, made.id(), new ReportVerdict.NotIllegal("adult content, age verified"));
        assertThat(assessed.report().state()).isEqualTo(ReportState.NOT_ILLEGAL);
        assertThat(assessed.report().routes()).isEmpty();
        assertThat(assessed.report().assessment().orElseThrow().verdict()).isEqualTo(new ReportVerdict.NotIllegal("adult content, age verified"));
        assertThat(assessed.results().get(0).matches()).extracting(m -> m.entry().id()).containsExactly(green);
        assertThat(node.notifications.list("NL Police", 0, 10)).isEmpty();
        assertThatThrownBy(() -> reports.reroute(reporter, made.id())).isInstanceOf(ReportTransitionException.class);
        assertThatThrownBy(() -> reports.takedown(reporter, made.id(), TakedownStep.NOTICE_SENT, Optional.empty()))
                .isInstanceOf(ReportTransitionException.class).hasMessageContaining("not illegal");
    }

    @Test
    void takedownStepsComeInOrderAndTheirTimesCannotGoBackOrAhead() {
        Reports reports = reports();
        Report made = reports.create(reporter, new NewReport(Optional.of("https://x.example/1"), List.of(), ReportSource.PARTNER,
                Optional.of(START.minus(Duration.ofDays(1))), "NL", Optional.empty()));
        reports.assess(reporter, made.id(), illegal(Category.A));

        assertThatThrownBy(() -> reports.takedown(reporter, made.id(), TakedownStep.REMOVED, Optional.empty()))
                .isInstanceOf(ReportTransitionException.class).hasMessageContaining("from ROUTED to REMOVED: the next step is NOTICE_SENT");
        assertThatThrownBy(() -> reports.takedown(reporter, made.id(), TakedownStep.NOTICE_SENT, Optional.of(START.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("at: ").hasMessageContaining("in the future");
        assertThatThrownBy(() -> reports.takedown(reporter, made.id(), TakedownStep.NOTICE_SENT, Optional.of(START.minus(Duration.ofDays(2)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("at: ").hasMessageContaining("before");
        reports.takedown(reporter, made.id(), TakedownStep.NOTICE_SENT, Optional.of(START.minus(Duration.ofHours(5))));
        assertThatThrownBy(() -> reports.takedown(reporter, made.id(), TakedownStep.REMOVED, Optional.of(START.minus(Duration.ofHours(6)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        reports.takedown(reporter, made.id(), TakedownStep.REMOVED, Optional.of(START.minus(Duration.ofHours(5))));
        reports.takedown(reporter, made.id(), TakedownStep.REMOVAL_CONFIRMED, Optional.empty());
        assertThatThrownBy(() -> reports.takedown(reporter, made.id(), TakedownStep.REMOVAL_CONFIRMED, Optional.empty()))
                .isInstanceOf(ReportTransitionException.class).hasMessageContaining("confirmed already");
    }

    @Test
    void aReportInTheFutureOrWithoutUrlAndHashesIsRefusedNamingTheField() {
        Reports reports = reports();
        assertThatThrownBy(() -> reports.create(reporter, new NewReport(Optional.empty(), List.of(pdq(1)), ReportSource.PUBLIC,
                Optional.of(START.plusSeconds(60)), "NL", Optional.empty()))).hasMessageStartingWith("reportedAt: ");
        assertThatThrownBy(() -> new NewReport(Optional.empty(), List.of(), ReportSource.PUBLIC, Optional.empty(), "NL", Optional.empty()))
                .hasMessageStartingWith("url: ");
        assertThatThrownBy(() -> new NewReport(Optional.of("not a url"), List.of(), ReportSource.PUBLIC, Optional.empty(), "NL", Optional.empty()))
                .hasMessageStartingWith("url: ");
        assertThatThrownBy(() -> new NewReport(Optional.of("https://x.example/"), List.of(), ReportSource.PUBLIC, Optional.empty(), "NLD", Optional.empty()))
                .hasMessageStartingWith("hostingCountry: ");
        assertThatThrownBy(() -> new NewReport(Optional.of("https://x.example/"), List.of(), ReportSource.PUBLIC, Optional.empty(), "NL", Optional.of("1")))
                .hasMessageStartingWith("uploaderCountry: ");
        assertThatThrownBy(() -> new ReportVerdict.Illegal(Category.NOT_ILLEGAL, Optional.empty())).hasMessageStartingWith("category: ");
        assertThatThrownBy(() -> new ReportVerdict.NotIllegal(" ")).hasMessageStartingWith("reason: ");
        assertThatThrownBy(() -> reports.create(node.principal(deHotline, Role.VIEWER), report("NL", 1))).isInstanceOf(AccessDeniedException.class);
        assertThat(new NewReport(Optional.of(" https://x.example/a "), List.of(), ReportSource.PUBLIC, Optional.empty(), " nl", Optional.empty()))
                .satisfies(r -> {
                    assertThat(r.url()).hasValue("https://x.example/a");
                    assertThat(r.hostingCountry()).isEqualTo("NL");
                });
    }

    @Test
    void listsFilterByStateAndPageById() {
        Reports reports = reports();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(reports.create(reporter, report("NL", 2)).id());
        reports.assess(reporter, ids.get(1), illegal(Category.A));
        reports.assess(reporter, ids.get(3), new ReportVerdict.NotIllegal("not it"));

        Reports.Page first = reports.list(reporter, Reports.Queue.ALL, Optional.empty(), 0, 2);
        assertThat(first.reports()).extracting(Report::id).containsExactly(ids.get(0), ids.get(1));
        Reports.Page second = reports.list(reporter, Reports.Queue.ALL, Optional.empty(), first.next().orElseThrow(), 2);
        assertThat(second.reports()).extracting(Report::id).containsExactly(ids.get(2), ids.get(3));
        assertThat(reports.list(reporter, Reports.Queue.ALL, Optional.empty(), second.next().orElseThrow(), 2).next()).isEmpty();
        assertThat(reports.list(reporter, Reports.Queue.OWN, Optional.of(ReportState.RECEIVED), 0, 10).reports()).extracting(Report::id)
                .containsExactly(ids.get(0), ids.get(2), ids.get(4));
        assertThat(reports.list(node.principal(nlPolice, Role.VIEWER), Reports.Queue.ALL, Optional.of(ReportState.ROUTED), 0, 10).reports())
                .extracting(Report::id).containsExactly(ids.get(1));
        assertThatThrownBy(() -> reports.list(reporter, Reports.Queue.ALL, Optional.empty(), 0, 101)).hasMessageStartingWith("limit: ");
        AuditEvent listed = node.audit.list(0, 1000).stream().filter(e -> e.action().equals("report.list")).findFirst().orElseThrow();
        assertThat(listed.details()).containsEntry("reports", ids.get(0) + "," + ids.get(1)).containsEntry("count", "2");
    }

    @Test
    void countsByStateCoverOnlyTheReportsAnOrganisationMadeOrReceivedAndAreNotAudited() {
        Reports reports = reports();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) ids.add(reports.create(reporter, report("NL", 2)).id());
        reports.assess(reporter, ids.get(0), illegal(Category.A));
        reports.assess(reporter, ids.get(1), new ReportVerdict.NotIllegal("not it"));
        reports.create(node.principal(nlHotline, Role.ANALYST), report("NL", 2));
        long audited = node.audit.list(0, 1000).size();

        assertThat(reports.counts(reporter, Reports.Queue.OWN)).hasSize(ReportState.values().length)
                .containsEntry(ReportState.RECEIVED, 2L).containsEntry(ReportState.ROUTED, 1L).containsEntry(ReportState.NOT_ILLEGAL, 1L)
                .containsEntry(ReportState.REMOVED, 0L);
        assertThat(reports.counts(reporter, Reports.Queue.INCOMING).values()).allMatch(n -> n == 0);
        Principal police = node.principal(nlPolice, Role.VIEWER);
        assertThat(reports.counts(police, Reports.Queue.INCOMING)).containsEntry(ReportState.ROUTED, 1L).containsEntry(ReportState.RECEIVED, 0L);
        assertThat(reports.counts(police, Reports.Queue.OWN).values()).allMatch(n -> n == 0);
        assertThat(reports.counts(node.principal(nlHotline, Role.VIEWER), Reports.Queue.ALL))
                .as("its own report and the one routed to it").containsEntry(ReportState.RECEIVED, 1L).containsEntry(ReportState.ROUTED, 1L);
        assertThat(reports.counts(node.principal(bePolice, Role.ADMIN), Reports.Queue.ALL).values()).allMatch(n -> n == 0);
        assertThatThrownBy(() -> reports.counts(node.principal(deHotline, Role.BOARD), Reports.Queue.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.counts(node.principal(frPolice, Role.ADMIN), Reports.Queue.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThat(node.audit.list(0, 1000)).as("counts name no report").hasSize((int) audited);
    }

    @Test
    void timeToRemovalHasCountMedianAndMeanPerCountryAndMonth() {
        Reports reports = reports(ReportSettings.fallback("INTERPOL"));
        // NL in March: removed after 10, 20 and 60 hours (median 20, mean 30); FR in March: 4 and 8 (median 6, mean 6);
        // NL in April: 30 hours. One more NL report is routed but never removed: it does not count.
        removed(reports, "NL", 10);
        removed(reports, "NL", 20);
        removed(reports, "FR", 4);
        removed(reports, "NL", 60);
        removed(reports, "FR", 8);
        Report pending = reports.create(reporter, report("NL", 2));
        reports.assess(reporter, pending.id(), illegal(Category.A));
        clock.advance(Duration.ofDays(31));
        removed(reports, "NL", 30);

        RemovalStatistics stats = reports.statistics(node.principal(ngo, Role.VIEWER), Optional.empty(), Optional.empty(), RemovalStatistics.Scope.ALL);
        assertThat(stats.overall()).extracting(RemovalStatistics.Group::count, g -> g.medianHours().orElseThrow(), g -> g.meanHours().orElseThrow())
                .containsExactly(6L, 15.0, 22.0);
        assertThat(stats.byCountry()).extracting(g -> g.country().orElseThrow(), RemovalStatistics.Group::count, g -> g.medianHours().orElseThrow(),
                        g -> g.meanHours().orElseThrow())
                .containsExactly(tuple("FR", 2L, 6.0, 6.0), tuple("NL", 4L, 25.0, 30.0));
        assertThat(stats.byMonth()).extracting(g -> g.month().orElseThrow(), RemovalStatistics.Group::count, g -> g.medianHours().orElseThrow())
                .containsExactly(tuple(YearMonth.of(2026, 3), 5L, 10.0), tuple(YearMonth.of(2026, 4), 1L, 30.0));
        assertThat(stats.byCountryAndMonth()).extracting(g -> g.country().orElseThrow(), g -> g.month().orElseThrow(), RemovalStatistics.Group::count,
                        g -> g.medianHours().orElseThrow(), g -> g.meanHours().orElseThrow())
                .containsExactly(tuple("FR", YearMonth.of(2026, 3), 2L, 6.0, 6.0), tuple("NL", YearMonth.of(2026, 3), 3L, 20.0, 30.0),
                        tuple("NL", YearMonth.of(2026, 4), 1L, 30.0, 30.0));

        RemovalStatistics april = reports.statistics(reporter, Optional.of(Instant.parse("2026-04-01T00:00:00Z")), Optional.empty(), RemovalStatistics.Scope.ALL);
        assertThat(april.overall().count()).isEqualTo(1);
        RemovalStatistics none = reports.statistics(node.principal(ngo, Role.VIEWER), Optional.empty(), Optional.empty(), RemovalStatistics.Scope.READABLE);
        assertThat(none.overall()).extracting(RemovalStatistics.Group::count, RemovalStatistics.Group::medianHours).containsExactly(0L, Optional.empty());
        assertThat(reports.statistics(node.principal(interpol, Role.VIEWER), Optional.empty(), Optional.empty(), RemovalStatistics.Scope.READABLE)
                .byCountry()).extracting(g -> g.country().orElseThrow()).containsExactly("FR");
        assertThatThrownBy(() -> reports.statistics(reporter, Optional.of(START), Optional.of(START), RemovalStatistics.Scope.ALL))
                .hasMessageStartingWith("from: ");
        assertThatThrownBy(() -> reports.statistics(node.principal(ngo, Role.BOARD), Optional.empty(), Optional.empty(), RemovalStatistics.Scope.ALL))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** A report made now and removed {@code hours} later, the clock left at its removal. */
    private void removed(Reports reports, String country, int hours) {
        Report made = reports.create(reporter, report(country, 2));
        reports.assess(reporter, made.id(), illegal(Category.A));
        reports.takedown(reporter, made.id(), TakedownStep.NOTICE_SENT, Optional.empty());
        clock.advance(Duration.ofHours(hours));
        reports.takedown(reporter, made.id(), TakedownStep.REMOVED, Optional.empty());
    }

    static HashQuery pdq(int n) {
        return new HashQuery(PdqSignal.PDQ, pdqHash(n), Optional.empty());
    }

    /** Hash n: SHA-256 of n's text, so two of them are ~128 bits apart, never within a match threshold. */
    static String pdqHash(int n) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Integer.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
