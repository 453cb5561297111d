package io.vgtx.server.api.casework;

import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.casework.Case;
import io.vgtx.core.casework.CaseDetail;
import io.vgtx.core.casework.CaseState;
import io.vgtx.core.casework.LinkResult;
import io.vgtx.core.casework.SeriesView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of the case and series routes (records: the OpenAPI schemas are built from them). */
public final class CaseViews {
    private CaseViews() {}

    public record NewCase(String title, String reference) {}

    public record CaseView(long id, String organisation, String title, String reference, CaseState state, Instant createdAt, Instant closedAt) {
        static CaseView of(Case c) {
            return new CaseView(c.id(), c.organisation(), c.title(), c.reference().orElse(null), c.state(), c.createdAt(),
                    c.closedAt().orElse(null));
        }
    }

    public record CaseList(List<CaseView> cases) {}

    public record LinkedHashView(String type, String value, Instant linkedAt) {}

    public record LinkedSeriesView(String name, Instant linkedAt, boolean victimIdentified, String identifiedBy, LocalDate identifiedOn) {}

    public record CaseDetailView(CaseView details, List<LinkedHashView> hashes, List<LinkedSeriesView> series) {
        static CaseDetailView of(CaseDetail d) {
            return new CaseDetailView(CaseView.of(d.details()),
                    d.hashes().stream().map(h -> new LinkedHashView(h.hash().type().name(), h.hash().value(), h.linkedAt())).toList(),
                    d.series().stream().map(s -> new LinkedSeriesView(s.name(), s.linkedAt(), s.identification().isPresent(),
                            by(s.identification()), on(s.identification()))).toList());
        }
    }

    public record CaseHashItem(String type, String value) {}

    public record LinkHashes(List<CaseHashItem> hashes) {}

    public record LinkSeries(List<String> series) {}

    /** @param alerted other organisations sent a deconfliction alert by this link (your own alerts are in your notifications) */
    public record LinkResultView(int added, int alreadyLinked, int alerted) {
        static LinkResultView of(LinkResult r) {
            return new LinkResultView(r.added(), r.alreadyLinked(), r.alerted());
        }
    }

    public record StateChange(CaseState state) {}

    /** @param on the day the victim was identified (ISO 8601 date); today when absent */
    public record MarkVictimIdentified(LocalDate on) {}

    public record SeriesDetailView(String name, boolean victimIdentified, String identifiedBy, LocalDate identifiedOn, Instant markedAt,
                                   long visibleEntries, List<Long> cases) {
        static SeriesDetailView of(SeriesView s) {
            return new SeriesDetailView(s.name(), s.victimIdentified(), by(s.identification()), on(s.identification()),
                    s.markedAt().orElse(null), s.visibleEntries(), s.cases());
        }
    }

    private static String by(Optional<VictimIdentification> identification) {
        return identification.map(VictimIdentification::organisation).orElse(null);
    }

    private static LocalDate on(Optional<VictimIdentification> identification) {
        return identification.map(VictimIdentification::on).orElse(null);
    }
}
