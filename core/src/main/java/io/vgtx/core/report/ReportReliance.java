package io.vgtx.core.report;

import io.vgtx.core.report.ReportDetail.Relation;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The reports that relied on an entry: those whose assessment kept it as a match (the assessor could see it) or
 * behind a hit/no-hit answer (it could not), with every organisation that reads them — the reporter and each receiver.
 * For the alerts sent when the entry is retracted or disputed ({@code io.vgtx.core.reliance}), which name the entry only
 * to a reader that may see it; read inside that act's transaction, on its handle.
 */
public final class ReportReliance {
    private ReportReliance() {}

    /** An organisation that reads a report which relied on the entry. */
    public record Reader(long reportId, String organisation, Relation relation) {}

    /** Every reader of every report that kept the entry, as a match or behind a hit, by report, reporter first. */
    public static List<Reader> readers(Handle handle, long entryId) {
        return handle.createQuery("""
                        SELECT r.id, o.name, 'REPORTER' AS relation FROM reports r JOIN organisations o ON o.id = r.reporter_id
                        WHERE r.id IN (SELECT m.report_id FROM report_matches m WHERE m.entry_id = :entry
                                       UNION SELECT h.report_id FROM report_hit_entries h WHERE h.entry_id = :entry)
                        UNION ALL
                        SELECT x.report_id, o.name, 'RECEIVER' AS relation FROM report_routes x JOIN organisations o ON o.id = x.organisation_id
                        WHERE x.report_id IN (SELECT m.report_id FROM report_matches m WHERE m.entry_id = :entry
                                              UNION SELECT h.report_id FROM report_hit_entries h WHERE h.entry_id = :entry)
                        ORDER BY 1, 3 DESC, 2""")
                .bind("entry", entryId)
                .map((rs, ctx) -> new Reader(rs.getLong(1), rs.getString(2), Relation.valueOf(rs.getString(3))))
                .list();
    }
}
