package io.vgtx.core.casework;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Role;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static io.vgtx.core.casework.Desk.pdq;
import static io.vgtx.core.casework.Desk.pdqRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases are a law-enforcement member's own: opened, linked, closed by its writers, invisible to everyone else. */
@ParameterizedClass
@EnumSource(Backend.class)
class CasesTest extends DeskTest {
    @Test
    void anAnalystOpensACaseLinksHashesAndSeriesAndItsViewerReadsIt() {
        Case opened = desk.cases().open(desk.a, "  Operation Alpha ", Optional.of("A-2026-1"));
        LinkResult hashes = desk.cases().linkHashes(desk.a, opened.id(), List.of(pdqRef(pdq(1)), pdqRef(pdq(1).toUpperCase()),
                new HashRef(DigestSignal.SHA256, pdq(9))));
        LinkResult again = desk.cases().linkHashes(desk.a, opened.id(), List.of(pdqRef(pdq(1))));
        desk.cases().linkSeries(desk.a, opened.id(), List.of("red-series", "amber-series"));

        assertThat(hashes).isEqualTo(new LinkResult(2, 0, 0));
        assertThat(again).isEqualTo(new LinkResult(0, 1, 0));
        CaseDetail detail = desk.cases().get(desk.node.principal(desk.policeA, Role.VIEWER), opened.id());
        assertThat(detail.details().title()).isEqualTo("Operation Alpha");
        assertThat(detail.details().reference()).contains("A-2026-1");
        assertThat(detail.details().state()).isEqualTo(CaseState.OPEN);
        assertThat(detail.hashes()).extracting(h -> h.hash().toString()).containsExactly("PDQ:" + pdq(1), "SHA256:" + pdq(9));
        assertThat(detail.series()).extracting(CaseDetail.LinkedSeries::name).containsExactly("amber-series", "red-series");
        assertThat(desk.cases().list(desk.a)).extracting(Case::id).containsExactly(opened.id());
        assertThat(desk.node.audit.list(0, 1000)).extracting(AuditEvent::action)
                .contains("case.open", "case.link_hashes", "case.link_series", "case.read", "cases.read");
        assertThat(desk.node.audit.list(0, 1000).toString()).doesNotContain("Operation Alpha").doesNotContain("A-2026-1").doesNotContain(pdq(9));
    }

    @Test
    void anotherOrganisationsCaseDoesNotExistForAnyoneElse() {
        Case opened = desk.cases().open(desk.a, "Alpha", Optional.empty());

        assertThatThrownBy(() -> desk.cases().get(desk.b, opened.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.cases().linkHashes(desk.b, opened.id(), List.of(pdqRef(pdq(1))))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.cases().setState(desk.b, opened.id(), CaseState.CLOSED)).isInstanceOf(NotFoundException.class);
        assertThat(desk.cases().list(desk.b)).isEmpty();
        assertThatThrownBy(() -> desk.cases().get(desk.a, 999)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void partnersViewersAndOtherRolesCannotKeepCases() {
        Case opened = desk.cases().open(desk.a, "Alpha", Optional.empty());
        assertThatThrownBy(() -> desk.cases().open(desk.node.principal(desk.hotline, Role.ADMIN), "x", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("law-enforcement");
        assertThatThrownBy(() -> desk.cases().list(desk.node.principal(desk.ngo, Role.VIEWER))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.cases().open(desk.node.principal(desk.policeA, Role.VIEWER), "x", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.cases().get(desk.node.principal(desk.policeA, Role.BOARD), opened.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.cases().linkHashes(desk.node.principal(desk.policeA, Role.VIEWER), opened.id(), List.of(pdqRef(pdq(1)))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClosedCaseLinksNothingMoreUntilReopened() {
        Case opened = desk.cases().open(desk.a, "Alpha", Optional.empty());
        Case closed = desk.cases().setState(desk.a, opened.id(), CaseState.CLOSED);
        assertThat(closed.closedAt()).isPresent();

        assertThatThrownBy(() -> desk.cases().linkHashes(desk.a, opened.id(), List.of(pdqRef(pdq(1))))).isInstanceOf(CaseConflictException.class);
        assertThat(desk.cases().setState(desk.a, opened.id(), CaseState.OPEN).closedAt()).isEmpty();
        assertThat(desk.cases().linkHashes(desk.a, opened.id(), List.of(pdqRef(pdq(1)))).added()).isEqualTo(1);
    }

    @Test
    void aSeriesTheAgencyMayNotSeeCannotBeLinkedAndBadInputIsRefused() {
        Case b = desk.cases().open(desk.b, "Beta", Optional.empty());

        assertThatThrownBy(() -> desk.cases().linkSeries(desk.b, b.id(), List.of("red-series"))).isInstanceOf(NotFoundException.class)
                .hasMessage("no series 'red-series'");
        assertThatThrownBy(() -> desk.cases().linkSeries(desk.b, b.id(), List.of("no-such-series"))).isInstanceOf(NotFoundException.class)
                .hasMessage("no series 'no-such-series'");
        assertThatThrownBy(() -> desk.cases().open(desk.b, " ", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.cases().open(desk.b, "x".repeat(201), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.cases().linkHashes(desk.b, b.id(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashRef.of("PDQ", "abc")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThatThrownBy(() -> HashRef.of("SHA3", "abc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(desk.cases().get(desk.b, b.id()).series()).isEmpty();
    }
}
