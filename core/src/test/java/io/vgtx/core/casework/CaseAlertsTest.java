package io.vgtx.core.casework;

import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.EntryOpinions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static io.vgtx.core.casework.Desk.pdq;
import static io.vgtx.core.casework.Desk.pdqRef;
import static org.assertj.core.api.Assertions.assertThat;

/** A retraction, or enough disputes, reaches every agency whose case links the entry's hash. */
@ParameterizedClass
@EnumSource(Backend.class)
class CaseAlertsTest extends DeskTest {
    @Test
    void aRetractionTellsEachCaseOwnerOnceAndNamesTheEntryOnlyToThoseWhoMaySeeIt() {
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        Case caseB2 = desk.cases().open(desk.b, "Beta 2", Optional.empty());
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(3))));
        desk.cases().linkHashes(desk.b, caseB2.id(), List.of(pdqRef(pdq(2))));
        desk.cases().setState(desk.b, caseB2.id(), CaseState.CLOSED);
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(pdq(2))));

        desk.banks.retract(desk.a, desk.red.id());
        desk.banks.retract(desk.a, desk.amber.id());
        desk.banks.retract(desk.a, desk.amber.id());

        List<Notification> toB = desk.told(desk.policeB, NotificationKind.ENTRY_WITHDRAWN_FROM_CASE);
        assertThat(toB).hasSize(2);
        assertThat(toB.get(0).subject()).isEqualTo("case:" + caseB.id());
        assertThat(toB.get(0).details()).containsEntry("hash", "PDQ:" + pdq(3)).containsEntry("owner", "Police A")
                .containsEntry("contact", "police.a@example.org").doesNotContainKey("entry").doesNotContainKey("bank");
        assertThat(toB.get(1).subject()).as("closed cases are told too").isEqualTo("case:" + caseB2.id());
        assertThat(toB.get(1).details()).containsEntry("entry", String.valueOf(desk.amber.id())).containsEntry("bank", "a-bank");
        assertThat(desk.told(desk.policeA, NotificationKind.ENTRY_WITHDRAWN_FROM_CASE)).as("the owner retracted it itself").isEmpty();
    }

    @Test
    void aRetractionOnTheNodesOwnMachineReachesTheCasesToo() {
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(1))));

        desk.node.store.retract("a-bank", io.vgtx.core.signal.PdqSignal.PDQ, pdq(1), desk.casework::retracted);

        assertThat(desk.told(desk.policeB, NotificationKind.ENTRY_WITHDRAWN_FROM_CASE)).singleElement()
                .satisfies(n -> assertThat(n.details()).containsEntry("entry", String.valueOf(desk.green.id())));
    }

    @Test
    void disputesReachTheCasesWhenTheyReachTheThresholdOnce() {
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(1))));
        var police3 = desk.node.active("Police C", io.vgtx.core.org.OrganisationKind.LAW_ENFORCEMENT);
        var police4 = desk.node.active("Police D", io.vgtx.core.org.OrganisationKind.LAW_ENFORCEMENT);

        desk.banks.giveOpinion(desk.node.principal(desk.hotline, Role.ANALYST), desk.green.id(), Verdict.DISPUTE, Optional.of("not CSAM"));
        assertThat(desk.told(desk.policeB, NotificationKind.ENTRY_DISPUTED_IN_CASE)).isEmpty();
        desk.banks.giveOpinion(desk.node.principal(police3, Role.ANALYST), desk.green.id(), Verdict.CONFIRM, Optional.empty());
        assertThat(desk.told(desk.policeB, NotificationKind.ENTRY_DISPUTED_IN_CASE)).isEmpty();
        desk.banks.giveOpinion(desk.node.principal(police4, Role.ANALYST), desk.green.id(), Verdict.DISPUTE, Optional.empty());
        desk.banks.giveOpinion(desk.node.principal(police3, Role.ANALYST), desk.green.id(), Verdict.DISPUTE, Optional.empty());

        assertThat(desk.told(desk.policeB, NotificationKind.ENTRY_DISPUTED_IN_CASE)).singleElement().satisfies(n ->
                assertThat(n.details()).containsEntry("disputes", "2").containsEntry("hash", "PDQ:" + pdq(1))
                        .containsEntry("entry", String.valueOf(desk.green.id())));
    }

    @Test
    void theThresholdIsConfigurable() {
        Casework strict = Casework.open(db, desk.clock, desk.node.store, desk.node.recipients, desk.node.organisations,
                desk.node.notifications, desk.node.audit, 1);
        SharedBanks banks = new SharedBanks(desk.node.store, desk.node.recipients, new EntryOpinions(db, desk.clock),
                desk.node.notifications, desk.node.audit, strict);
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(1))));

        banks.giveOpinion(desk.node.principal(desk.hotline, Role.ANALYST), desk.green.id(), Verdict.DISPUTE, Optional.empty());

        assertThat(strict.alerts().disputeThreshold()).isEqualTo(1);
        assertThat(desk.told(desk.policeB, NotificationKind.ENTRY_DISPUTED_IN_CASE)).hasSize(1);
    }
}
