package io.vgtx.core.casework;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static io.vgtx.core.casework.Desk.flipBits;
import static io.vgtx.core.casework.Desk.pdq;
import static io.vgtx.core.casework.Desk.pdqRef;
import static org.assertj.core.api.Assertions.assertThat;

/** Two agencies' cases, a case and another organisation's match or report, touching the same hash or series. */
@ParameterizedClass
@EnumSource(Backend.class)
class DeconflictionTest extends DeskTest {
    private static final String MD5 = "0123456789abcdef0123456789abcdef";


    @Test
    void twoAgenciesCasesLinkingTheSameHashAreBothToldOfEachOtherWithTheirContacts() {
        Case caseA = desk.cases().open(desk.a, "Operation Alpha", Optional.of("A-1"));
        Case caseB = desk.cases().open(desk.b, "Operation Beta", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(new HashRef(DigestSignal.MD5, MD5)));

        LinkResult linked = desk.cases().linkHashes(desk.b, caseB.id(), List.of(new HashRef(DigestSignal.MD5, MD5.toUpperCase())));

        assertThat(linked.added()).isEqualTo(1);
        assertThat(linked.alerted()).isEqualTo(1);
        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("case:" + caseA.id());
            assertThat(n.details()).containsEntry("counterpart", "Police B").containsEntry("contact", "police.b@example.org")
                    .containsEntry("counterpart_origin", "CASE").containsEntry("cases", String.valueOf(caseA.id()))
                    .containsEntry("hashes", "MD5:" + MD5).containsEntry("count", "1");
        });
        assertThat(desk.told(desk.policeB, NotificationKind.DECONFLICTION)).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("case:" + caseB.id());
            assertThat(n.details()).containsEntry("counterpart", "Police A").containsEntry("contact", "police.a@example.org")
                    .containsEntry("hashes", "MD5:" + MD5);
        });
        assertThat(desk.node.audit.list(0, 1000)).extracting(AuditEvent::action).contains("deconfliction.alert");
    }

    @Test
    void nearPdqHashesOverlapAndEachSideIsToldOnlyItsOwnHash() {
        String mine = pdq(100);
        String theirs = flipBits(mine, 12);
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(mine)));
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(theirs), pdqRef(pdq(101))));

        Notification toA = desk.told(desk.policeA, NotificationKind.DECONFLICTION).getFirst();
        Notification toB = desk.told(desk.policeB, NotificationKind.DECONFLICTION).getFirst();
        assertThat(toA.details()).containsEntry("hashes", "PDQ:" + mine);
        assertThat(toA.details().toString()).doesNotContain(theirs);
        assertThat(toB.details()).containsEntry("hashes", "PDQ:" + theirs);
        assertThat(toB.details().toString()).doesNotContain(mine).doesNotContain(pdq(101));
    }

    @Test
    void hashesFurtherApartThanTheThresholdOrOfOnlyOneOrganisationAreNoOverlap() {
        String mine = pdq(100);
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        Case caseA2 = desk.cases().open(desk.a, "Alpha 2", Optional.empty());
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(mine)));
        desk.cases().linkHashes(desk.a, caseA2.id(), List.of(pdqRef(mine)));
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(flipBits(mine, 32))));

        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).isEmpty();
        assertThat(desk.told(desk.policeB, NotificationKind.DECONFLICTION)).isEmpty();
    }

    @Test
    void theSameSeriesInTwoCasesAndASeriesAgainstAHashOfItAreOverlaps() {
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkSeries(desk.a, caseA.id(), List.of("amber-series"));
        desk.cases().linkSeries(desk.b, caseB.id(), List.of("amber-series"));
        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).singleElement()
                .satisfies(n -> assertThat(n.details()).containsEntry("series", "amber-series").containsEntry("counterpart", "Police B"));

        Case caseB2 = desk.cases().open(desk.b, "Beta 2", Optional.empty());
        desk.cases().linkHashes(desk.b, caseB2.id(), List.of(pdqRef(pdq(1))));
        Case caseA2 = desk.cases().open(desk.a, "Alpha 2", Optional.empty());
        desk.cases().linkSeries(desk.a, caseA2.id(), List.of("green-series"));

        List<Notification> toB = desk.told(desk.policeB, NotificationKind.DECONFLICTION);
        assertThat(toB).hasSize(2);
        assertThat(toB.getLast().subject()).isEqualTo("case:" + caseB2.id());
        assertThat(toB.getLast().details()).containsEntry("series", "green-series");
    }

    @Test
    void aMatchByAPartnerOnACaseHashIsAHitNoHitAlertThatNeverTellsTheAmberEntry() {
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(pdq(2))));
        Principal hotline = desk.node.principal(desk.hotline, Role.ANALYST);
        String near = flipBits(pdq(2), 7);

        desk.matching.match(hotline, List.of(new HashQuery(PdqSignal.PDQ, near, Optional.empty())), 31);

        Notification toHotline = desk.told(desk.hotline, NotificationKind.DECONFLICTION).getFirst();
        assertThat(toHotline.subject()).isEqualTo("match");
        assertThat(toHotline.details()).containsEntry("counterpart", "Police A").containsEntry("contact", "police.a@example.org")
                .containsEntry("hashes", "PDQ:" + near).containsEntry("origin", "MATCH");
        assertThat(toHotline.details().toString()).doesNotContain(pdq(2)).doesNotContain("amber-series").doesNotContain("label-amber")
                .doesNotContain(String.valueOf(desk.amber.id()) + ",").doesNotContain("a-bank");
        assertThat(toHotline.details()).doesNotContainKey("series").doesNotContainKey("cases");
        Notification toA = desk.told(desk.policeA, NotificationKind.DECONFLICTION).getFirst();
        assertThat(toA.details()).containsEntry("counterpart", "Hotline").containsEntry("counterpart_origin", "MATCH")
                .containsEntry("hashes", "PDQ:" + pdq(2));
        assertThat(toA.details().toString()).doesNotContain(near);
    }

    @Test
    void aMatchOnAnEntryOfACaseLinkedSeriesNamesTheSeriesOnlyToThoseWhoMaySeeTheEntry() {
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        desk.cases().linkSeries(desk.a, caseA.id(), List.of("amber-series", "green-series"));

        desk.matching.match(desk.node.principal(desk.hotline, Role.VIEWER), List.of(new HashQuery(PdqSignal.PDQ, pdq(2), Optional.empty())), 31);
        desk.matching.match(desk.b, List.of(new HashQuery(PdqSignal.PDQ, pdq(1), Optional.empty())), 31);

        Notification toHotline = desk.told(desk.hotline, NotificationKind.DECONFLICTION).getFirst();
        assertThat(toHotline.details()).containsEntry("hashes", "PDQ:" + pdq(2)).doesNotContainKey("series");
        assertThat(toHotline.details().toString()).doesNotContain("amber-series");
        assertThat(desk.told(desk.policeB, NotificationKind.DECONFLICTION)).singleElement()
                .satisfies(n -> assertThat(n.details()).containsEntry("series", "green-series"));
        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).extracting(n -> n.details().get("series"))
                .containsExactly("amber-series", "green-series");
    }

    @Test
    void theSamePairIsNotToldAboutTheSameOverlapTwice() {
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        Case caseB2 = desk.cases().open(desk.b, "Beta 2", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(pdq(50))));
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(50))));
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(50))));
        desk.cases().linkHashes(desk.b, caseB2.id(), List.of(pdqRef(pdq(50))));
        desk.matching.match(desk.b, List.of(new HashQuery(PdqSignal.PDQ, pdq(50), Optional.empty())), 31);
        desk.matching.match(desk.b, List.of(new HashQuery(PdqSignal.PDQ, pdq(50), Optional.empty())), 31);

        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).hasSize(1);
        assertThat(desk.told(desk.policeB, NotificationKind.DECONFLICTION)).hasSize(1);

        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(50)), new HashRef(DigestSignal.MD5, MD5)));
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(new HashRef(DigestSignal.MD5, MD5)));
        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).hasSize(2);
        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION).getLast().details()).containsEntry("hashes", "MD5:" + MD5);
    }

    @Test
    void closedCasesTakeNoPartAndAReopenedCaseIsCheckedAgain() {
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(pdq(60))));
        desk.cases().setState(desk.a, caseA.id(), CaseState.CLOSED);
        Case caseB = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkHashes(desk.b, caseB.id(), List.of(pdqRef(pdq(60))));
        desk.matching.match(desk.node.principal(desk.hotline, Role.ANALYST), List.of(new HashQuery(PdqSignal.PDQ, pdq(60), Optional.empty())), 31);
        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).isEmpty();
        assertThat(desk.told(desk.policeB, NotificationKind.DECONFLICTION)).hasSize(1).first()
                .satisfies(n -> assertThat(n.details()).containsEntry("counterpart", "Hotline"));

        desk.cases().setState(desk.a, caseA.id(), CaseState.OPEN);

        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION)).singleElement()
                .satisfies(n -> assertThat(n.details()).containsEntry("counterpart", "Police B"));
    }

    @Test
    void aReportTouchingACaseHashAlertsBothThroughThePublicTouch() {
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(pdq(3))));
        String near = flipBits(pdq(3), 3);

        Deconfliction.Alerts alerts = db.write(handle -> desk.casework.deconfliction()
                .touch(handle, "Hotline", List.of(pdqRef(near)), Origin.REPORT, "report:7"));

        assertThat(alerts.counterparts()).containsExactly("Police A");
        Notification toHotline = desk.told(desk.hotline, NotificationKind.DECONFLICTION).getFirst();
        assertThat(toHotline.subject()).isEqualTo("report:7");
        assertThat(toHotline.details()).containsEntry("hashes", "PDQ:" + near).doesNotContainKey("series");
        assertThat(toHotline.details().toString()).doesNotContain(pdq(3)).doesNotContain("red-series");
        assertThat(desk.told(desk.policeA, NotificationKind.DECONFLICTION).getFirst().details())
                .containsEntry("counterpart_origin", "REPORT").containsEntry("hashes", "PDQ:" + pdq(3));
    }

    @Test
    void aPartnerNeverLearnsAnAmberEntryThroughAnyAlert() {
        // Police A's case links the AMBER entry's series and hash; a hotline's report and match touch that entry exactly.
        Case caseA = desk.cases().open(desk.a, "Alpha", Optional.empty());
        desk.cases().linkSeries(desk.a, caseA.id(), List.of("amber-series"));
        desk.cases().linkHashes(desk.a, caseA.id(), List.of(pdqRef(flipBits(pdq(2), 20))));
        String near = flipBits(pdq(2), 9);
        db.write(handle -> desk.casework.deconfliction().touch(handle, "Hotline", List.of(pdqRef(near)), Origin.REPORT));
        desk.matching.match(desk.node.principal(desk.hotline, Role.ANALYST), List.of(new HashQuery(PdqSignal.PDQ, near, Optional.empty())), 31);

        List<Notification> all = desk.node.notifications.list("Hotline", 0, 1000);
        assertThat(all).isNotEmpty();
        for (Notification n : all) {
            assertThat(n.toString()).doesNotContain(pdq(2)).doesNotContain(flipBits(pdq(2), 20)).doesNotContain("amber-series")
                    .doesNotContain("label-amber").doesNotContain("a-bank");
        }
    }
}
