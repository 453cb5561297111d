package io.vgtx.core.org;

import io.vgtx.core.auth.IssuedToken;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.store.AlreadyExistsException;
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
import java.util.List;
import java.util.Optional;

import static io.vgtx.core.org.MembershipState.*;
import static io.vgtx.core.org.OrganisationKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class OrganisationsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123Z");

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    TestClock clock;
    Organisations orgs;
    Tokens tokens;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        clock = new TestClock(NOW);
        orgs = new Organisations(db, clock);
        tokens = new Tokens(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anApplicationIsStoredAppliedWithItsCountryNormalised() {
        Organisation applied = orgs.apply(" Hotline ", HOTLINE, "de", " tips@hotline.example ");

        assertThat(applied).isEqualTo(new Organisation(applied.id(), "Hotline", HOTLINE, "DE",
                Optional.of("tips@hotline.example"), List.of(), APPLIED, NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                Optional.empty(), false));
        assertThat(orgs.find(applied.id())).contains(applied);
        assertThat(orgs.findByName("Hotline")).contains(applied);
    }

    @Test
    void aBlankContactIsNoContact() {
        assertThat(orgs.apply("Hotline", HOTLINE, "DE", "  ").contact()).isEmpty();
        assertThat(orgs.apply("NGO", NGO, "DE", null).contact()).isEmpty();
    }

    @Test
    void refusesASecondOrganisationWithTheSameName() {
        orgs.apply("Hotline", HOTLINE, "DE", null);

        assertThatThrownBy(() -> orgs.apply("Hotline", NGO, "FR", null))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("Hotline");
    }

    @Test
    void refusesAnInvalidCountryOrBlankName() {
        assertThatThrownBy(() -> orgs.apply("Hotline", HOTLINE, "DEU", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orgs.apply(" ", HOTLINE, "DE", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(orgs.list()).isEmpty();
    }

    @Test
    void refusesOverlongNamesContactsAgreementsAndJurisdictionListsNamingTheLimit() {
        String longName = "N".repeat(Organisations.MAX_TEXT + 1);
        assertThatThrownBy(() -> orgs.apply(longName, HOTLINE, "DE", null)).hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> orgs.apply("Hotline", HOTLINE, "DE", "c".repeat(Organisations.MAX_CONTACT + 1)))
                .hasMessageContaining("contact must be at most 320");
        assertThat(orgs.list()).isEmpty();

        Organisation fit = orgs.apply("N".repeat(Organisations.MAX_TEXT), HOTLINE, "DE", "c".repeat(Organisations.MAX_CONTACT));
        assertThatThrownBy(() -> orgs.setJurisdictions(fit.id(), java.util.Collections.nCopies(Organisations.MAX_JURISDICTIONS + 1, "DE")))
                .hasMessageContaining("at most 300 countries");
        assertThatThrownBy(() -> orgs.recordAgreement(fit.id(), "v".repeat(Organisations.MAX_TEXT + 1), "Jane", "admin"))
                .hasMessageContaining("agreement version must be at most 200");
        assertThat(orgs.find(fit.id()).orElseThrow().jurisdictions()).isEmpty();
    }

    @Test
    void initOperatorCommitsWithItsFirstTokensOrNotAtAll() {
        assertThatThrownBy(() -> orgs.initOperator("NL Police", "NL", null, (handle, operator) -> {
            tokens.issue(handle, operator.id(), Role.ADMIN, Optional.empty(), "admin");
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        assertThat(orgs.list()).as("no operator without its token").isEmpty();

        IssuedToken[] admin = new IssuedToken[1];
        Organisation operator = orgs.initOperator("NL Police", "NL", null,
                (handle, created) -> admin[0] = tokens.issue(handle, created.id(), Role.ADMIN, Optional.empty(), "admin"));
        assertThat(tokens.authenticate(admin[0].secret())).get().extracting(p -> p.organisationId()).isEqualTo(operator.id());
    }

    @Test
    void initOperatorCreatesAnActiveLawEnforcementOperator() {
        Organisation operator = orgs.initOperator("National Police", "gb", " desk@police.example ");
        assertThat(operator.contact()).contains("desk@police.example");

        assertThat(operator.state()).isEqualTo(ACTIVE);
        assertThat(operator.kind()).isEqualTo(LAW_ENFORCEMENT);
        assertThat(operator.country()).isEqualTo("GB");
        assertThat(operator.operator()).isTrue();
        assertThat(orgs.operator()).contains(operator);
    }

    @Test
    void initOperatorASecondTimeFailsNamingTheOperator() {
        orgs.initOperator("National Police", "GB");

        assertThatThrownBy(() -> orgs.initOperator("Other Police", "GB"))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("initialised already")
                .hasMessageContaining("National Police");
        assertThat(orgs.list()).hasSize(1);
    }

    @Test
    void initOperatorFailsOnANodeThatHasApplicants() {
        orgs.apply("Hotline", HOTLINE, "DE", null);

        assertThatThrownBy(() -> orgs.initOperator("National Police", "GB")).isInstanceOf(AlreadyExistsException.class);
        assertThat(orgs.operator()).isEmpty();
    }

    @Test
    void aMajorityOfTheBoardApprovesAnApplicant() {
        List<Organisation> board = boardOf(3);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);

        Tally first = orgs.vote(applicant.id(), board.get(0).id(), "token:1", true);
        Tally second = orgs.vote(applicant.id(), board.get(1).id(), "token:2", true);

        assertThat(first).isEqualTo(new Tally(1, 0, 3, 2, APPLIED));
        assertThat(second).isEqualTo(new Tally(2, 0, 3, 2, APPROVED));
        assertThat(orgs.find(applicant.id()).orElseThrow().state()).isEqualTo(APPROVED);
    }

    @Test
    void rejectionsThatLeaveTooFewPossibleApprovalsRejectTheApplicant() {
        List<Organisation> board = boardOf(3);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);

        Tally first = orgs.vote(applicant.id(), board.get(0).id(), "token:1", false);
        Tally second = orgs.vote(applicant.id(), board.get(1).id(), "token:2", false);

        assertThat(first.state()).isEqualTo(APPLIED);
        assertThat(second).isEqualTo(new Tally(0, 2, 3, 2, REJECTED));
        assertThat(orgs.find(applicant.id()).orElseThrow().state()).isEqualTo(REJECTED);
    }

    @Test
    void aSecondVoteFromTheSameOrganisationReplacesItsFirst() {
        List<Organisation> board = boardOf(3);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);
        long voter = board.get(0).id();

        orgs.vote(applicant.id(), voter, "token:1", true);
        Tally twice = orgs.vote(applicant.id(), voter, "token:7", true);
        Tally changed = orgs.vote(applicant.id(), voter, "token:1", false);

        assertThat(twice).isEqualTo(new Tally(1, 0, 3, 2, APPLIED));
        assertThat(changed).isEqualTo(new Tally(0, 1, 3, 2, APPLIED));
        assertThat(orgs.tally(applicant.id())).isEqualTo(changed);
    }

    @Test
    void keepsWhoVotedHowAndWhenIncludingVotersNoLongerCounted() {
        List<Organisation> board = boardOf(4);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);
        orgs.vote(applicant.id(), board.get(3).id(), "token:3", false);
        clock.advance(Duration.ofMinutes(1));
        orgs.vote(applicant.id(), board.get(0).id(), "token:1", true);
        clock.advance(Duration.ofMinutes(1));
        Tally changedMind = orgs.vote(applicant.id(), board.get(3).id(), "user:alice", true);
        orgs.suspend(board.get(3).id());

        Instant first = NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(Duration.ofMinutes(1));
        assertThat(changedMind).isEqualTo(new Tally(2, 0, 4, 3, APPLIED));
        assertThat(orgs.votes(applicant.id())).containsExactly(
                new Vote(applicant.id(), board.get(0).id(), "Board 0", "token:1", true, first),
                new Vote(applicant.id(), board.get(3).id(), "Board 3", "user:alice", true, first.plus(Duration.ofMinutes(1))));
        assertThat(orgs.tally(applicant.id())).isEqualTo(new Tally(1, 0, 3, 2, APPLIED));
    }

    @Test
    void anOrganisationWithoutALiveBoardTokenMayNotVote() {
        Organisation operator = orgs.initOperator("National Police", "GB");
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);
        tokens.issue(operator.id(), Role.ADMIN, Optional.empty(), "admin");

        assertThatThrownBy(() -> orgs.vote(applicant.id(), operator.id(), "token:1", true))
                .isInstanceOf(IneligibleVoterException.class).hasMessageContaining("National Police");

        IssuedToken board = tokens.issue(operator.id(), Role.BOARD, Optional.of(Duration.ofHours(1)), "board");
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> orgs.vote(applicant.id(), operator.id(), "token:2", true)).isInstanceOf(IneligibleVoterException.class);

        tokens.revoke(tokens.issue(operator.id(), Role.BOARD, Optional.empty(), "board 2").id());
        assertThatThrownBy(() -> orgs.vote(applicant.id(), operator.id(), "token:3", true)).isInstanceOf(IneligibleVoterException.class);
        assertThat(board.id()).isPositive();
        assertThat(orgs.find(applicant.id()).orElseThrow().state()).isEqualTo(APPLIED);
    }

    @Test
    void aSuspendedOrganisationMayNotVoteAndItsEarlierVoteNoLongerCounts() {
        List<Organisation> board = boardOf(3);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);
        orgs.vote(applicant.id(), board.get(1).id(), "token:1", true);

        orgs.suspend(board.get(1).id());

        assertThatThrownBy(() -> orgs.vote(applicant.id(), board.get(1).id(), "token:1", true))
                .isInstanceOf(IneligibleVoterException.class);
        // Two voters left, a majority of two is both of them.
        assertThat(orgs.tally(applicant.id())).isEqualTo(new Tally(0, 0, 2, 2, APPLIED));
    }

    @Test
    void anApplicantCannotVoteForItself() {
        boardOf(1);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);

        assertThatThrownBy(() -> orgs.vote(applicant.id(), applicant.id(), "token:1", true))
                .isInstanceOf(IneligibleVoterException.class);
    }

    @Test
    void votingOnADecidedApplicationIsAnIllegalTransition() {
        List<Organisation> board = boardOf(1);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);
        orgs.vote(applicant.id(), board.getFirst().id(), "token:1", true);

        assertThatThrownBy(() -> orgs.vote(applicant.id(), board.getFirst().id(), "token:1", false))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(APPROVED);
                    assertThat(e.to()).isEqualTo(REJECTED);
                })
                .hasMessageContaining("Hotline").hasMessageContaining("APPROVED");
    }

    @Test
    void aFixedQuorumApprovesAfterThatManyApprovals() {
        List<Organisation> board = boardOf(3);
        Organisations fixed = new Organisations(db, clock, QuorumRule.fixed(3));
        Organisation applicant = fixed.apply("Hotline", HOTLINE, "DE", null);

        fixed.vote(applicant.id(), board.get(0).id(), "token:1", true);
        Tally two = fixed.vote(applicant.id(), board.get(1).id(), "token:2", true);
        Tally three = fixed.vote(applicant.id(), board.get(2).id(), "token:3", true);

        assertThat(two).isEqualTo(new Tally(2, 0, 3, 3, APPLIED));
        assertThat(three).isEqualTo(new Tally(3, 0, 3, 3, APPROVED));
    }

    @Test
    void underAFixedQuorumOneRejectionTooManyRejects() {
        List<Organisation> board = boardOf(3);
        Organisations fixed = new Organisations(db, clock, QuorumRule.fixed(3));
        Organisation applicant = fixed.apply("Hotline", HOTLINE, "DE", null);

        assertThat(fixed.vote(applicant.id(), board.get(0).id(), "token:1", false).state()).isEqualTo(REJECTED);
    }

    @Test
    void recordingTheAgreementOfAnApprovedOrganisationMakesItActive() {
        Organisation approved = approved("Hotline", HOTLINE);
        clock.advance(Duration.ofDays(2));

        Organisation active = orgs.recordAgreement(approved.id(), "2026-1", "Jane Doe, Director", "token:9");

        assertThat(active.state()).isEqualTo(ACTIVE);
        assertThat(active.agreement()).contains(new Agreement("2026-1", "Jane Doe, Director",
                Instant.parse("2026-11-30T12:00:00.123Z"), "token:9"));
        assertThat(orgs.find(approved.id())).contains(active);
    }

    @Test
    void anAgreementIsRecordedOnlyForAnApprovedOrganisation() {
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);

        assertThatThrownBy(() -> orgs.recordAgreement(applicant.id(), "2026-1", "Jane", "token:9"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(APPLIED);
                    assertThat(e.to()).isEqualTo(ACTIVE);
                })
                .hasMessage("organisation 'Hotline' cannot go from APPLIED to ACTIVE");
        assertThat(orgs.find(applicant.id()).orElseThrow().agreement()).isEmpty();
    }

    @Test
    void aSuspendedOrganisationIsReinstatedToActive() {
        Organisation member = active("Hotline", HOTLINE);

        assertThat(orgs.suspend(member.id()).state()).isEqualTo(SUSPENDED);
        assertThat(orgs.reinstate(member.id()).state()).isEqualTo(ACTIVE);
        assertThat(orgs.find(member.id()).orElseThrow().agreement()).isPresent();
    }

    @Test
    void suspendAndReinstateRefuseTheWrongStartingState() {
        Organisation member = active("Hotline", HOTLINE);
        Organisation applicant = orgs.apply("NGO", NGO, "FR", null);
        Organisation approved = approved("Industry", INDUSTRY);

        assertThatThrownBy(() -> orgs.reinstate(member.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("organisation 'Hotline' cannot go from ACTIVE to ACTIVE");
        assertThatThrownBy(() -> orgs.suspend(applicant.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("organisation 'NGO' cannot go from APPLIED to SUSPENDED");
        // Reinstating is not a way round the agreement.
        assertThatThrownBy(() -> orgs.reinstate(approved.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("organisation 'Industry' cannot go from APPROVED to ACTIVE");
        orgs.suspend(member.id());
        assertThatThrownBy(() -> orgs.suspend(member.id())).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anyLiveOrganisationMayWithdrawAndWithdrawnIsFinal() {
        Organisation approved = approved("Approved", INDUSTRY);
        Organisation applicant = orgs.apply("Applicant", NGO, "FR", null);
        Organisation active = active("Active", HOTLINE);
        Organisation suspended = orgs.suspend(active("Suspended", NGO).id());

        for (Organisation org : List.of(applicant, approved, active, suspended)) {
            assertThat(orgs.withdraw(org.id()).state()).as(org.name()).isEqualTo(WITHDRAWN);
            assertThatThrownBy(() -> orgs.withdraw(org.id())).isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> orgs.reinstate(org.id())).isInstanceOf(IllegalTransitionException.class);
        }
    }

    @Test
    void aRejectedOrganisationCannotBeWithdrawnOrActivated() {
        List<Organisation> board = boardOf(1);
        Organisation applicant = orgs.apply("Hotline", HOTLINE, "DE", null);
        orgs.vote(applicant.id(), board.getFirst().id(), "token:1", false);

        assertThatThrownBy(() -> orgs.withdraw(applicant.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("organisation 'Hotline' cannot go from REJECTED to WITHDRAWN");
        assertThatThrownBy(() -> orgs.recordAgreement(applicant.id(), "1", "x", "y")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theOperatorCannotBeSuspendedOrWithdrawn() {
        Organisation operator = orgs.initOperator("National Police", "GB");

        assertThatThrownBy(() -> orgs.suspend(operator.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("operates this node");
        assertThatThrownBy(() -> orgs.withdraw(operator.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(orgs.find(operator.id()).orElseThrow().state()).isEqualTo(ACTIVE);
    }

    @Test
    void jurisdictionsAreNormalisedSortedAndReplaced() {
        Organisation hotline = orgs.apply("Hotline", HOTLINE, "DE", null);

        assertThat(orgs.setJurisdictions(hotline.id(), List.of("de", "AT", "ch", "DE")).jurisdictions()).containsExactly("AT", "CH", "DE");
        assertThat(orgs.setJurisdictions(hotline.id(), List.of("LU")).jurisdictions()).containsExactly("LU");
        assertThat(orgs.findByName("Hotline").orElseThrow().jurisdictions()).containsExactly("LU");
        assertThat(orgs.setJurisdictions(hotline.id(), List.of()).jurisdictions()).isEmpty();
    }

    @Test
    void anInvalidJurisdictionChangesNothing() {
        Organisation hotline = orgs.apply("Hotline", HOTLINE, "DE", null);
        orgs.setJurisdictions(hotline.id(), List.of("DE"));

        assertThatThrownBy(() -> orgs.setJurisdictions(hotline.id(), List.of("AT", "Austria")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Austria");
        assertThat(orgs.find(hotline.id()).orElseThrow().jurisdictions()).containsExactly("DE");
    }

    @Test
    void listsEveryOrganisationByNameWithItsJurisdictions() {
        orgs.initOperator("Police", "GB");
        Organisation ngo = orgs.apply("Alpha NGO", NGO, "FR", null);
        orgs.apply("Zeta Hotline", HOTLINE, "DE", null);
        orgs.setJurisdictions(ngo.id(), List.of("FR", "BE"));

        assertThat(orgs.list()).extracting(Organisation::name).containsExactly("Alpha NGO", "Police", "Zeta Hotline");
        assertThat(orgs.list().getFirst().jurisdictions()).containsExactly("BE", "FR");
    }

    @Test
    void unknownOrganisationsAreNotFound() {
        assertThat(orgs.find(42)).isEmpty();
        assertThat(orgs.findByName("nope")).isEmpty();
        assertThatThrownBy(() -> orgs.suspend(42)).isInstanceOf(NotFoundException.class).hasMessageContaining("42");
        assertThatThrownBy(() -> orgs.tally(42)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> orgs.setJurisdictions(42, List.of("DE"))).isInstanceOf(NotFoundException.class);
    }

    /** The operator and {@code size - 1} more active organisations, each with a BOARD token. */
    private List<Organisation> boardOf(int size) {
        Organisation operator = orgs.initOperator("Board 0", "GB");
        tokens.issue(operator.id(), Role.BOARD, Optional.empty(), "board");
        List<Organisation> board = new java.util.ArrayList<>(List.of(operator));
        Organisations anyOne = new Organisations(db, clock, QuorumRule.fixed(1));
        for (int n = 1; n < size; n++) {
            Organisation member = anyOne.apply("Board " + n, LAW_ENFORCEMENT, "GB", null);
            anyOne.vote(member.id(), operator.id(), "token:setup", true);
            anyOne.recordAgreement(member.id(), "1", "signatory", "setup");
            tokens.issue(member.id(), Role.BOARD, Optional.empty(), "board");
            board.add(orgs.find(member.id()).orElseThrow());
        }
        return board;
    }

    /** Approved by a one-member board that the test does not otherwise use. */
    private Organisation approved(String name, OrganisationKind kind) {
        Organisation voter = orgs.operator().orElseGet(() -> {
            Organisation operator = orgs.initOperator("Operator", "GB");
            tokens.issue(operator.id(), Role.BOARD, Optional.empty(), "board");
            return operator;
        });
        Organisation applicant = orgs.apply(name, kind, "DE", null);
        new Organisations(db, clock, QuorumRule.fixed(1)).vote(applicant.id(), voter.id(), "token:setup", true);
        return orgs.find(applicant.id()).orElseThrow();
    }

    private Organisation active(String name, OrganisationKind kind) {
        return orgs.recordAgreement(approved(name, kind).id(), "1", "signatory", "setup");
    }
}
