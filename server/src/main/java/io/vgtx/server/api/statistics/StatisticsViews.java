package io.vgtx.server.api.statistics;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.sharing.EntryCount;
import io.vgtx.core.statistics.MatchDay;

import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the statistics routes (records: the OpenAPI schemas are built from them). Counts only. */
public final class StatisticsViews {
    private StatisticsViews() {}

    /** @param category null for entries without one */
    public record EntryCountItem(Category category, Distribution distribution, String type, long entries) {
        static EntryCountItem of(EntryCount count) {
            return new EntryCountItem(count.category().orElse(null), count.distribution(), count.type().name(), count.count());
        }
    }

    /** @param total the active entries you may see; @param counts them by category, distribution and hash type (non-zero only) */
    public record EntryStatistics(long total, List<EntryCountItem> counts) {
        static EntryStatistics of(List<EntryCount> counts) {
            return new EntryStatistics(counts.stream().mapToLong(EntryCount::count).sum(), counts.stream().map(EntryCountItem::of).toList());
        }
    }

    /**
     * One UTC day of your organisation's lookups.
     *
     * @param requests               match requests (a request of many hashes, or one image, is one)
     * @param hashesLookedUp         hashes and images looked up
     * @param hashesWithVisibleMatch of those, with at least one matching entry you may see
     * @param hashesWithHitOnly      of those, with matching entries only you may not see (a hit/no-hit answer)
     */
    public record MatchDayItem(LocalDate day, long requests, long hashesLookedUp, long hashesWithVisibleMatch, long hashesWithHitOnly) {
        static MatchDayItem of(MatchDay day) {
            return new MatchDayItem(day.day(), day.requests(), day.hashesLookedUp(), day.hashesWithVisibleMatch(), day.hashesWithHitOnly());
        }
    }

    /** @param days oldest first, today (UTC) last; a day without a request is all zeros */
    public record MatchDays(String organisation, List<MatchDayItem> days) {}
}
