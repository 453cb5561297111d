package io.vgtx.core.casework;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.QueryResult;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.vgtx.core.casework.Desk.flipBits;
import static io.vgtx.core.casework.Desk.pdq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A series marked victim-identified: seen by whoever may see it, told with every match and every hit on its entries. */
@ParameterizedClass
@EnumSource(Backend.class)
class VictimIdentifiedTest extends DeskTest {
    private static final LocalDate RESCUED = LocalDate.parse("2026-11-20");


    private QueryResult match(Principal asker, String hex) {
        return desk.matching.match(asker, List.of(new HashQuery(PdqSignal.PDQ, hex, Optional.empty())), 31).getFirst();
    }

    @Test
    void aMarkShowsOnEveryMatchAndEveryHitOnTheSeriesWithoutNamingItToThoseWhoMayNotSeeTheEntry() {
        desk.series().markVictimIdentified(desk.b, "amber-series", Optional.of(RESCUED));
        VictimIdentification byB = new VictimIdentification("Police B", RESCUED);

        QueryResult seen = match(desk.a, flipBits(pdq(2), 4));
        assertThat(seen.matches()).singleElement().satisfies(m -> {
            assertThat(m.entry().data().series()).contains("amber-series");
            assertThat(seen.victimIdentified(m)).isTrue();
            assertThat(seen.identification(m)).contains(byB);
        });

        QueryResult hit = match(desk.node.principal(desk.hotline, Role.VIEWER), flipBits(pdq(2), 4));
        assertThat(hit.matches()).isEmpty();
        assertThat(hit.hits()).singleElement().satisfies(h -> {
            assertThat(h.organisation()).isEqualTo("Police A");
            assertThat(h.victimIdentified()).isTrue();
            assertThat(h.identification()).contains(byB);
        });
        assertThat(hit.toString()).doesNotContain("amber-series");
        assertThat(hit.identifications()).isEmpty();

        QueryResult unmarked = match(desk.a, pdq(1));
        assertThat(unmarked.victimIdentified(unmarked.matches().getFirst())).isFalse();
    }

    @Test
    void everyoneWhoMaySeeTheSeriesReadsTheMarkAndNoOneElseLearnsTheSeriesExists() {
        desk.series().markVictimIdentified(desk.a, "red-series", Optional.empty());

        SeriesView ngo = desk.series().view(desk.node.principal(desk.ngo, Role.VIEWER), "red-series");
        assertThat(ngo.identification()).contains(new VictimIdentification("Police A", LocalDate.parse("2026-11-28")));
        assertThat(ngo.visibleEntries()).isEqualTo(1);
        assertThatThrownBy(() -> desk.series().view(desk.b, "red-series")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.series().view(desk.node.principal(desk.hotline, Role.ADMIN), "red-series")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.series().view(desk.b, "nothing")).isInstanceOf(NotFoundException.class);
        assertThat(desk.series().view(desk.node.principal(desk.hotline, Role.VIEWER), "green-series").victimIdentified()).isFalse();
        assertThat(desk.node.audit.list(0, 1000)).extracting(AuditEvent::action).contains("series.victim_identified", "series.read");
        assertThat(desk.node.audit.list(0, 1000).toString()).doesNotContain("red-series");
    }

    @Test
    void onlyLawEnforcementWritersThatSeeTheSeriesMarkItAndOnlyTheMarkingAgencyUnmarksIt() {
        assertThatThrownBy(() -> desk.series().markVictimIdentified(desk.node.principal(desk.ngo, Role.ADMIN), "red-series", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.series().markVictimIdentified(desk.node.principal(desk.policeB, Role.VIEWER), "amber-series", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.series().markVictimIdentified(desk.b, "red-series", Optional.empty())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk.series().markVictimIdentified(desk.b, "amber-series", Optional.of(LocalDate.parse("2026-11-29"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("future");

        desk.series().markVictimIdentified(desk.b, "amber-series", Optional.of(RESCUED));
        assertThatThrownBy(() -> desk.series().markVictimIdentified(desk.a, "amber-series", Optional.empty()))
                .isInstanceOf(CaseConflictException.class).hasMessageContaining("Police B");
        assertThatThrownBy(() -> desk.series().unmark(desk.a, "amber-series")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.series().unmark(desk.b, "red-series")).isInstanceOf(NotFoundException.class);

        desk.series().unmark(desk.b, "amber-series");

        assertThat(desk.series().view(desk.a, "amber-series").victimIdentified()).isFalse();
        assertThat(match(desk.a, pdq(2)).identifications()).isEmpty();
        assertThat(desk.node.audit.list(0, 1000)).extracting(AuditEvent::action).contains("series.victim_unidentified");
        assertThatThrownBy(() -> desk.series().unmark(desk.b, "amber-series")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMatchRequestReadsTheMarksOfItsOwnSeriesOnly() {
        desk.series().markVictimIdentified(desk.b, "amber-series", Optional.of(RESCUED));
        desk.series().markVictimIdentified(desk.a, "green-series", Optional.of(RESCUED));

        assertThat(desk.series().identifications(java.util.Set.of("amber-series", "no-such-series")))
                .containsOnlyKeys("amber-series");
        assertThat(desk.series().identifications(java.util.Set.of())).isEmpty();
        List<QueryResult> answers = desk.matching.match(desk.a, List.of(new HashQuery(PdqSignal.PDQ, pdq(1), Optional.empty()),
                new HashQuery(PdqSignal.PDQ, pdq(2), Optional.empty())), 31);
        assertThat(answers).extracting(QueryResult::identifications).containsExactly(
                java.util.Map.of("green-series", new VictimIdentification("Police A", RESCUED)),
                java.util.Map.of("amber-series", new VictimIdentification("Police B", RESCUED)));
    }

    @Test
    void aReportShowsTheMarksOfItsMatchesAndHitsAsTheyAreNowWithoutNamingAHiddenSeries() {
        io.vgtx.core.report.Reports reports = new io.vgtx.core.report.Reports(desk.db, desk.clock, desk.node.organisations, desk.node.store,
                desk.node.recipients, desk.matching, desk.node.notifications, desk.node.audit, io.vgtx.core.report.ReportSettings.none());
        Principal hotline = desk.node.principal(desk.hotline, Role.ANALYST);
        desk.series().markVictimIdentified(desk.b, "amber-series", Optional.of(RESCUED));
        var made = reports.create(hotline, new io.vgtx.core.report.NewReport(Optional.of("https://files.example.nl/x"), List.of(
                new HashQuery(PdqSignal.PDQ, pdq(1), Optional.empty()), new HashQuery(PdqSignal.PDQ, flipBits(pdq(2), 3), Optional.empty())),
                io.vgtx.core.report.ReportSource.PUBLIC, Optional.empty(), "NL", Optional.empty()));
        reports.assess(hotline, made.id(), new io.vgtx.core.report.ReportVerdict.Illegal(io.vgtx.core.bank.Category.A, Optional.empty()));
        desk.series().markVictimIdentified(desk.a, "green-series", Optional.of(RESCUED)); // after the assessment

        io.vgtx.core.report.ReportDetail read = reports.read(hotline, made.id());

        assertThat(read.results().get(0).matches()).singleElement().satisfies(m -> {
            assertThat(m.victimIdentified()).isTrue();
            assertThat(m.identification()).contains(new VictimIdentification("Police A", RESCUED));
        });
        assertThat(read.results().get(1).matches()).as("AMBER: the hotline may not see it").isEmpty();
        assertThat(read.results().get(1).hits()).singleElement().satisfies(h -> {
            assertThat(h.organisation()).isEqualTo("Police A");
            assertThat(h.victimIdentified()).isTrue();
            assertThat(h.identification()).contains(new VictimIdentification("Police B", RESCUED));
        });
        assertThat(read.toString()).doesNotContain("amber-series");
    }

    @Test
    void aCaseShowsWhetherTheSeriesItLinksAreMarked() {
        Case opened = desk.cases().open(desk.b, "Beta", Optional.empty());
        desk.cases().linkSeries(desk.b, opened.id(), List.of("amber-series", "green-series"));
        desk.series().markVictimIdentified(desk.a, "green-series", Optional.of(RESCUED));

        assertThat(desk.cases().get(desk.b, opened.id()).series()).extracting(CaseDetail.LinkedSeries::identification)
                .containsExactly(Optional.empty(), Optional.of(new VictimIdentification("Police A", RESCUED)));
        assertThat(desk.series().view(desk.b, "green-series").cases()).containsExactly(opened.id());
    }
}
