package io.vgtx.server.api.bank;

import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.match.Match;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.sharing.BankView;
import io.vgtx.core.sharing.Hit;
import io.vgtx.core.sharing.QueryResult;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the bank, entry, match, feed and notification routes (records: the OpenAPI schemas are built from them). */
public final class Views {
    private Views() {}

    public record NewBank(String name, Distribution distribution, Category category, List<Long> recipients) {}

    public record BankCreated(long id) {}

    public record BankItem(long id, String name, String owner, Distribution distribution, Category category, long visibleEntries,
                    boolean owned, Instant createdAt) {
        static BankItem of(BankView view) {
            Bank bank = view.bank();
            return new BankItem(bank.id(), bank.name(), bank.owner(), bank.defaultDistribution(), bank.defaultCategory().orElse(null),
                    view.visibleEntries(), view.owned(), bank.createdAt());
        }
    }

    public record BankList(List<BankItem> banks) {}

    public record NewEntry(String type, String value, Category category, Distribution distribution, String label, Integer quality,
                    String series, Boolean victimIdentified, Instant firstSeen) {}

    public record NewEntries(List<NewEntry> entries) {}

    public record EntriesAdded(long added, long updated, long unchanged) {}

    /**
     * What a file import did.
     *
     * @param format  the format it was read as (given, or recognised)
     * @param bytes   the size of the file
     * @param skipped records the format allows but we do not import, by kind
     */
    public record FileImported(String format, long bytes, long added, long updated, long unchanged, Map<String, Long> skipped) {
        static FileImported of(io.vgtx.formats.catalog.FileImport.Outcome outcome, long bytes) {
            return new FileImported(outcome.format().name().toLowerCase(java.util.Locale.ROOT), bytes, outcome.result().added(),
                    outcome.result().updated(), outcome.result().unchanged(), new java.util.TreeMap<>(outcome.skipped()));
        }
    }

    public record EntryItem(long id, long bankId, String bank, String type, String value, Integer quality, Category category,
                     String series, boolean victimIdentified, Distribution distribution, String state, String label,
                     Instant firstSeen, String sourceOrganisation, long lastChangeSeq) {
        static EntryItem of(Entry entry) {
            EntryData d = entry.data();
            return new EntryItem(entry.id(), entry.bankId(), entry.bankName(), d.type().name(), d.value(), d.quality().orElse(null),
                    d.category().orElse(null), d.series().orElse(null), d.victimIdentified(), d.distribution().orElse(null),
                    d.state().name(), d.label().orElse(null), d.firstSeen().orElse(null), entry.sourceOrganisation(), entry.lastChangeSeq());
        }
    }

    /** @param next the {@code after} of the next page; absent at the end */
    public record EntryPageView(List<EntryItem> entries, Long next) {}

    public record OpinionBody(String reason) {}

    public record OpinionView(String organisation, Verdict verdict, String reason, Instant givenAt) {
        static OpinionView of(Opinion o) {
            return new OpinionView(o.organisation(), o.verdict(), o.reason().orElse(null), o.givenAt());
        }
    }

    public record EntryDetailView(EntryItem entry, List<OpinionView> opinions) {}

    public record HashItem(String type, String value, Integer quality) {}

    public record MatchRequest(List<HashItem> hashes, Integer threshold) {}

    /**
     * One visible matching entry.
     *
     * @param transform        for PDQ: which rotation or mirror of the query matched
     * @param victimIdentified its series is marked victim-identified, or the entry itself says so
     * @param identifiedBy     the agency that marked its series victim-identified, and {@code identifiedOn} when
     */
    public record MatchView(long entry, long bankId, String bank, String type, String value, Category category, int distance,
                     String transform, String label, String series, boolean victimIdentified, String identifiedBy, LocalDate identifiedOn,
                     Distribution distribution) {
        static MatchView of(Match m, QueryResult result) {
            EntryData d = m.entry().data();
            Optional<VictimIdentification> identification = result.identification(m);
            return new MatchView(m.entry().id(), m.entry().bankId(), m.entry().bankName(), m.type().name(), d.value(),
                    d.category().orElse(null), m.distance(), m.transform().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(null),
                    d.label().orElse(null), d.series().orElse(null), result.victimIdentified(m),
                    identification.map(VictimIdentification::organisation).orElse(null), identification.map(VictimIdentification::on).orElse(null),
                    d.distribution().orElse(null));
        }
    }

    /**
     * A hit/no-hit answer: this organisation holds a match you may not see; contact it (it has been told). Whether the
     * victim is identified is told too (by whom and when, when a series mark says so), never the series.
     */
    public record HitView(String organisation, String contact, boolean victimIdentified, String identifiedBy, LocalDate identifiedOn) {
        static HitView of(Hit hit) {
            return new HitView(hit.organisation(), hit.contact().orElse(null), hit.victimIdentified(),
                    hit.identification().map(VictimIdentification::organisation).orElse(null),
                    hit.identification().map(VictimIdentification::on).orElse(null));
        }
    }

    public record ResultView(HashItem query, List<MatchView> matches, List<HitView> hits, boolean lowQuality) {
        static ResultView of(QueryResult r) {
            return new ResultView(new HashItem(r.query().type().name(), r.query().value(), r.query().quality().orElse(null)),
                    r.matches().stream().map(m -> MatchView.of(m, r)).toList(), r.hits().stream().map(HitView::of).toList(), r.lowQuality());
        }
    }

    public record MatchResponse(List<ResultView> results) {}

    /** The answer for an uploaded image: its hashes (computed in memory; the image is not kept) and what matched. */
    public record ImageMatchResponse(String sha256, String pdq, Integer quality, Integer width, Integer height, String error,
                              List<MatchView> matches, List<HitView> hits, boolean lowQuality) {}

    public record ChangeView(long seq, String kind, Instant at, String state, EntryItem entry) {}

    public record FeedView(List<ChangeView> changes, long next) {}

    public record NotificationView(long id, String kind, String subject, Instant createdAt, Map<String, String> details) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind().name(), n.subject(), n.createdAt(), n.details());
        }
    }

    public record NotificationList(List<NotificationView> notifications, Long next) {}
}
