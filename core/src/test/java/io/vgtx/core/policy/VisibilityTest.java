package io.vgtx.core.policy;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.TestEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.vgtx.core.bank.Distribution.*;
import static io.vgtx.core.org.MembershipState.ACTIVE;
import static io.vgtx.core.org.OrganisationKind.LAW_ENFORCEMENT;
import static org.assertj.core.api.Assertions.assertThat;

class VisibilityTest {
    private static final String OWNER = "Owner";
    private static final long OWNER_ID = 1;
    private static final long RECIPIENT_ID = 2;
    private static final long OTHER_ID = 3;
    /** The RED recipients every case is checked against: only RECIPIENT_ID is named. */
    private static final Set<Long> RECIPIENTS = Set.of(RECIPIENT_ID);

    /** How the viewer stands to the entry. */
    enum Relation { OWNER, RECIPIENT, OTHER }

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values())
            for (MembershipState state : MembershipState.values())
                for (Distribution distribution : Distribution.values())
                    for (Relation relation : Relation.values())
                        cases.add(Arguments.of(kind, state, distribution, relation));
        return cases.stream();
    }

    /** The rules as the design states them, one clause each, kept apart from the code under test. */
    private static boolean expected(OrganisationKind kind, MembershipState state, Distribution distribution, Relation relation) {
        if (state != ACTIVE) return false;                                   // only active organisations see anything
        if (relation == Relation.OWNER) return true;                         // the owner sees its own
        if (distribution == GREEN) return true;                              // every active organisation
        if (distribution == AMBER) return kind == LAW_ENFORCEMENT;           // active law enforcement only
        return relation == Relation.RECIPIENT;                               // RED: owner and named recipients only
    }

    @ParameterizedTest(name = "{0} {1} viewer, {2} entry, {3}")
    @MethodSource("everyCase")
    void followsTheTrafficLightRulesInEveryCase(OrganisationKind kind, MembershipState state, Distribution distribution, Relation relation) {
        assertThat(Visibility.canSee(viewer(kind, state, relation), OWNER, distribution, RECIPIENTS))
                .isEqualTo(expected(kind, state, distribution, relation));
    }

    @Test
    void theTableHasEveryCaseAndTheExpectedNumberVisible() {
        List<Arguments> cases = everyCase().toList();
        long visible = cases.stream().filter(a -> {
            Object[] v = a.get();
            return expected((OrganisationKind) v[0], (MembershipState) v[1], (Distribution) v[2], (Relation) v[3]);
        }).count();
        assertThat(cases).hasSize(4 * 6 * 3 * 3);
        // Active only: owner 4 kinds x 3 = 12, GREEN 4 x 2 = 8, AMBER law enforcement 1 x 2 = 2, RED recipient 4 x 1 = 4.
        assertThat(visible).isEqualTo(26);
    }

    @ParameterizedTest
    @EnumSource(value = MembershipState.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
    void anInactiveOrganisationSeesNothingNotEvenItsOwnOrGreen(MembershipState state) {
        for (Distribution distribution : Distribution.values()) {
            for (Relation relation : Relation.values()) {
                assertThat(Visibility.canSee(viewer(LAW_ENFORCEMENT, state, relation), OWNER, distribution, RECIPIENTS))
                        .as(distribution + " " + relation).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void theOwnerSeesItsOwnWhateverItsKind(Distribution distribution) {
        for (OrganisationKind kind : OrganisationKind.values()) {
            assertThat(Visibility.canSee(viewer(kind, ACTIVE, Relation.OWNER), OWNER, distribution, Set.of())).as(kind.name()).isTrue();
        }
    }

    @Test
    void greenIsSeenByEveryActiveOrganisation() {
        for (OrganisationKind kind : OrganisationKind.values()) {
            assertThat(Visibility.canSee(viewer(kind, ACTIVE, Relation.OTHER), OWNER, GREEN, Set.of())).as(kind.name()).isTrue();
        }
    }

    @Test
    void amberIsSeenByActiveLawEnforcementOnly() {
        assertThat(Visibility.canSee(viewer(LAW_ENFORCEMENT, ACTIVE, Relation.OTHER), OWNER, AMBER, Set.of())).isTrue();
        for (OrganisationKind kind : List.of(OrganisationKind.HOTLINE, OrganisationKind.NGO, OrganisationKind.INDUSTRY)) {
            assertThat(Visibility.canSee(viewer(kind, ACTIVE, Relation.OTHER), OWNER, AMBER, Set.of())).as(kind.name()).isFalse();
        }
    }

    @Test
    void beingNamedAsRecipientDoesNotWidenAmber() {
        assertThat(Visibility.canSee(viewer(OrganisationKind.INDUSTRY, ACTIVE, Relation.RECIPIENT), OWNER, AMBER, RECIPIENTS)).isFalse();
    }

    @Test
    void redIsHiddenFromLawEnforcementThatIsNotNamed() {
        assertThat(Visibility.canSee(viewer(LAW_ENFORCEMENT, ACTIVE, Relation.OTHER), OWNER, RED, RECIPIENTS)).isFalse();
        assertThat(Visibility.canSee(viewer(LAW_ENFORCEMENT, ACTIVE, Relation.RECIPIENT), OWNER, RED, Set.of())).isFalse();
    }

    @Test
    void redIsSeenByANamedRecipientOfAnyKind() {
        for (OrganisationKind kind : OrganisationKind.values()) {
            assertThat(Visibility.canSee(viewer(kind, ACTIVE, Relation.RECIPIENT), OWNER, RED, RECIPIENTS)).as(kind.name()).isTrue();
        }
    }

    @Test
    void ownershipIsByNameExactly() {
        Viewer lookalike = new Viewer(OTHER_ID, "owner", OrganisationKind.NGO, ACTIVE);
        assertThat(Visibility.canSee(lookalike, OWNER, RED, Set.of())).isFalse();
        assertThat(Visibility.canSee(lookalike, OWNER, AMBER, Set.of())).isFalse();
    }

    @Test
    void aPrincipalIsJudgedByItsOrganisation() {
        Principal suspended = new Principal(9, RECIPIENT_ID, "Recipient", LAW_ENFORCEMENT, MembershipState.SUSPENDED, Role.ADMIN, true);
        Principal active = new Principal(9, RECIPIENT_ID, "Recipient", OrganisationKind.NGO, ACTIVE, Role.VIEWER, false);

        assertThat(Visibility.canSee(suspended, OWNER, GREEN, RECIPIENTS)).isFalse();
        assertThat(Visibility.canSee(active, OWNER, RED, RECIPIENTS)).isTrue();
        assertThat(Visibility.canSee(active, OWNER, AMBER, RECIPIENTS)).isFalse();
    }

    @Test
    void anEntryWithoutItsOwnDistributionTakesTheBanks() {
        Bank amberBank = new Bank(7, "bank", OWNER, Optional.empty(), AMBER, Instant.EPOCH);
        Viewer ngo = viewer(OrganisationKind.NGO, ACTIVE, Relation.OTHER);

        assertThat(Visibility.canSee(ngo, amberBank, TestEntries.pdq(1), Set.of())).isFalse();
        assertThat(Visibility.canSee(ngo, amberBank, TestEntries.pdq(1).withDistribution(GREEN), Set.of())).isTrue();
        assertThat(Visibility.canSee(viewer(LAW_ENFORCEMENT, ACTIVE, Relation.OTHER), amberBank,
                TestEntries.pdq(1).withDistribution(RED), Set.of())).isFalse();
    }

    @Test
    void aRetractedEntryIsVisibleToExactlyThoseWhoSawItActive() {
        Bank bank = new Bank(7, "bank", OWNER, Optional.empty(), RED, Instant.EPOCH);
        EntryData active = TestEntries.pdq(1);
        EntryData retracted = active.withState(EntryState.RETRACTED);

        for (Relation relation : Relation.values()) {
            for (OrganisationKind kind : OrganisationKind.values()) {
                Viewer viewer = viewer(kind, ACTIVE, relation);
                assertThat(Visibility.canSee(viewer, bank, retracted, RECIPIENTS)).as(kind + " " + relation)
                        .isEqualTo(Visibility.canSee(viewer, bank, active, RECIPIENTS));
            }
        }
    }

    private static Viewer viewer(OrganisationKind kind, MembershipState state, Relation relation) {
        return switch (relation) {
            case OWNER -> new Viewer(OWNER_ID, OWNER, kind, state);
            case RECIPIENT -> new Viewer(RECIPIENT_ID, "Recipient", kind, state);
            case OTHER -> new Viewer(OTHER_ID, "Other", kind, state);
        };
    }
}
