package io.vgtx.core.report;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.signal.SignalTypes;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of reports, inside the caller's handle (the {@link Reports} service holds the transactions and the
 * rules). Portable to SQLite and PostgreSQL: plain types, no generated-key tricks beyond what both share.
 */
final class ReportStore {
    private ReportStore() {}

    /** First routed first; among those routed together, by reason (jurisdiction, hotline, fallback), then name. */
    private static final Comparator<Route> ROUTE_ORDER = Comparator.comparing(Route::routedAt).thenComparing(Route::reason)
            .thenComparing(Route::organisation);

    /** A match found at assessment, as stored: the entry the assessor could see, by id. */
    record StoredMatch(int position, long entryId, long bankId, String type, int distance, Optional<Category> category) {}

    /** A hit/no-hit answer found at assessment: an organisation holding a matching entry the assessor could not see. */
    record StoredHit(int position, String organisation, Optional<String> contact, boolean victimIdentified,
                     Optional<VictimIdentification> identification) {}

    static long insert(Handle handle, long reporterId, Step created, NewReport report, Instant reportedAt) {
        long id = handle.createUpdate("""
                        INSERT INTO reports (reporter_id, url, source, reported_at, hosting_country, uploader_country, state,
                                             created_at, created_token, created_actor)
                        VALUES (:reporter, :url, :source, :reported, :hosting, :uploader, :state, :created, :token, :actor)""")
                .bind("reporter", reporterId)
                .bind("url", report.url().orElse(null))
                .bind("source", report.source().name())
                .bind("reported", reportedAt.toEpochMilli())
                .bind("hosting", report.hostingCountry())
                .bind("uploader", report.uploaderCountry().orElse(null))
                .bind("state", ReportState.RECEIVED.name())
                .bind("created", created.at().toEpochMilli())
                .bind("token", created.tokenId())
                .bind("actor", created.actor())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        if (!report.hashes().isEmpty()) {
            var batch = handle.prepareBatch("INSERT INTO report_hashes (report_id, position, type, value, quality) VALUES (:r, :p, :t, :v, :q)");
            for (int i = 0; i < report.hashes().size(); i++) {
                HashQuery hash = report.hashes().get(i);
                batch.bind("r", id).bind("p", i).bind("t", hash.type().name()).bind("v", hash.value())
                        .bind("q", hash.quality().orElse(null)).add();
            }
            batch.execute();
        }
        return id;
    }

    static Optional<Report> find(Handle handle, long id) {
        return select(handle, "WHERE r.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** A page of the reports an organisation made ({@link Queue#OWN}), received ({@link Queue#INCOMING}) or both, by id. */
    static List<Report> page(Handle handle, long organisationId, Reports.Queue queue, Optional<ReportState> state, long afterId, int limit) {
        String received = "EXISTS (SELECT 1 FROM report_routes x WHERE x.report_id = r.id AND x.organisation_id = :org)";
        String whose = switch (queue) {
            case OWN -> "r.reporter_id = :org";
            case INCOMING -> received;
            case ALL -> "(r.reporter_id = :org OR " + received + ")";
        };
        Map<String, Object> params = new HashMap<>(Map.of("org", organisationId, "after", afterId, "limit", limit));
        String stateClause = "";
        if (state.isPresent()) {
            stateClause = " AND r.state = :state";
            params.put("state", state.get().name());
        }
        return select(handle, "WHERE r.id > :after AND " + whose + stateClause + " ORDER BY r.id LIMIT :limit", params);
    }

    /** How many reports an organisation made ({@link Reports.Queue#OWN}), received ({@link Reports.Queue#INCOMING}) or both, per state. */
    static Map<ReportState, Long> countByState(Handle handle, long organisationId, Reports.Queue queue) {
        String received = "EXISTS (SELECT 1 FROM report_routes x WHERE x.report_id = r.id AND x.organisation_id = :org)";
        String whose = switch (queue) {
            case OWN -> "r.reporter_id = :org";
            case INCOMING -> received;
            case ALL -> "(r.reporter_id = :org OR " + received + ")";
        };
        Map<ReportState, Long> counts = new EnumMap<>(ReportState.class);
        for (ReportState state : ReportState.values()) counts.put(state, 0L);
        handle.createQuery("SELECT r.state, COUNT(*) FROM reports r WHERE " + whose + " GROUP BY r.state")
                .bind("org", organisationId)
                .map((rs, ctx) -> Map.entry(ReportState.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    static int moveState(Handle handle, long id, ReportState from, ReportState to) {
        return handle.createUpdate("UPDATE reports SET state = :to WHERE id = :id AND state = :from")
                .bind("to", to.name()).bind("id", id).bind("from", from.name()).execute();
    }

    static void assess(Handle handle, long id, ReportVerdict verdict, Step step) {
        String category = verdict instanceof ReportVerdict.Illegal illegal ? illegal.category().name() : null;
        String reason = switch (verdict) {
            case ReportVerdict.Illegal illegal -> illegal.note().orElse(null);
            case ReportVerdict.NotIllegal notIllegal -> notIllegal.reason();
        };
        handle.createUpdate("""
                        UPDATE reports SET verdict = :verdict, category = :category, reason = :reason,
                               assessed_at = :at, assessed_by = :by, assessed_token = :token, assessed_actor = :actor
                        WHERE id = :id""")
                .bind("verdict", verdict.illegal() ? "ILLEGAL" : "NOT_ILLEGAL")
                .bind("category", category).bind("reason", reason)
                .bind("at", step.at().toEpochMilli()).bind("by", step.organisation()).bind("token", step.tokenId())
                .bind("actor", step.actor()).bind("id", id).execute();
    }

    /** An entry behind a hit the assessment kept: for reliance alerts only, never shown. */
    record HiddenEntry(int position, long entryId) {}

    static void saveFindings(Handle handle, long id, List<StoredMatch> matches, List<StoredHit> hits, List<HiddenEntry> hidden) {
        if (!hidden.isEmpty()) {
            var batch = handle.prepareBatch("INSERT INTO report_hit_entries (report_id, position, entry_id) VALUES (:r, :p, :e)");
            for (HiddenEntry e : hidden) batch.bind("r", id).bind("p", e.position()).bind("e", e.entryId()).add();
            batch.execute();
        }
        if (!matches.isEmpty()) {
            var batch = handle.prepareBatch("""
                    INSERT INTO report_matches (report_id, position, entry_id, bank_id, type, distance, category)
                    VALUES (:r, :p, :e, :b, :t, :d, :c)""");
            for (StoredMatch m : matches) {
                batch.bind("r", id).bind("p", m.position()).bind("e", m.entryId()).bind("b", m.bankId()).bind("t", m.type())
                        .bind("d", m.distance()).bind("c", m.category().map(Enum::name).orElse(null)).add();
            }
            batch.execute();
        }
        if (!hits.isEmpty()) {
            var batch = handle.prepareBatch("""
                    INSERT INTO report_hits (report_id, position, organisation, contact, victim_identified, identified_by, identified_on)
                    VALUES (:r, :p, :o, :c, :v, :by, :on)""");
            for (StoredHit h : hits) {
                batch.bind("r", id).bind("p", h.position()).bind("o", h.organisation()).bind("c", h.contact().orElse(null))
                        .bind("v", h.victimIdentified())
                        .bind("by", h.identification().map(VictimIdentification::organisation).orElse(null))
                        .bind("on", h.identification().map(i -> i.on().toString()).orElse(null)).add();
            }
            batch.execute();
        }
    }

    static List<StoredMatch> matches(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM report_matches WHERE report_id = :id ORDER BY position, distance, entry_id")
                .bind("id", id)
                .map((rs, ctx) -> new StoredMatch(rs.getInt("position"), rs.getLong("entry_id"), rs.getLong("bank_id"), rs.getString("type"),
                        rs.getInt("distance"), Optional.ofNullable(rs.getString("category")).map(Category::valueOf)))
                .list();
    }

    static List<StoredHit> hits(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM report_hits WHERE report_id = :id ORDER BY position, organisation")
                .bind("id", id)
                .map((rs, ctx) -> new StoredHit(rs.getInt("position"), rs.getString("organisation"), Optional.ofNullable(rs.getString("contact")),
                        rs.getBoolean("victim_identified"), identification(rs.getString("identified_by"), rs.getString("identified_on"))))
                .list();
    }

    private static Optional<VictimIdentification> identification(String by, String on) {
        return by == null || on == null ? Optional.empty() : Optional.of(new VictimIdentification(by, LocalDate.parse(on)));
    }

    static void addRoute(Handle handle, long id, long organisationId, Route.Reason reason, Instant at) {
        handle.createUpdate("INSERT INTO report_routes (report_id, organisation_id, reason, routed_at) VALUES (:r, :o, :reason, :at)")
                .bind("r", id).bind("o", organisationId).bind("reason", reason.name()).bind("at", at.toEpochMilli()).execute();
    }

    /** Records the outcome of routing: when it was first routed (kept once set) and the note, if any. */
    static void routed(Handle handle, long id, Optional<Instant> routedAt, Optional<String> note) {
        handle.createUpdate("UPDATE reports SET routed_at = COALESCE(routed_at, :at), route_note = :note WHERE id = :id")
                .bind("at", routedAt.map(Instant::toEpochMilli).orElse(null)).bind("note", note.orElse(null)).bind("id", id).execute();
    }

    static void takedown(Handle handle, long id, TakedownStep step, Step recorded) {
        String column = switch (step) {
            case NOTICE_SENT -> "notice_sent";
            case REMOVED -> "removed";
            case REMOVAL_CONFIRMED -> "removal_confirmed";
        };
        handle.createUpdate("UPDATE reports SET " + column + "_at = :at, " + column + "_by = :by, " + column + "_token = :token, "
                        + column + "_actor = :actor WHERE id = :id")
                .bind("at", recorded.at().toEpochMilli()).bind("by", recorded.organisation()).bind("token", recorded.tokenId())
                .bind("actor", recorded.actor()).bind("id", id).execute();
    }

    /**
     * Reports removed within {@code [from, to)}; with {@code readableBy}, only those that organisation made or received.
     */
    static List<RemovalStatistics.Removal> removals(Handle handle, Instant from, Instant to, Optional<Long> readableBy) {
        String scope = readableBy.isEmpty() ? ""
                : " AND (r.reporter_id = :org OR EXISTS (SELECT 1 FROM report_routes x WHERE x.report_id = r.id AND x.organisation_id = :org))";
        var query = handle.createQuery("SELECT r.hosting_country, r.reported_at, r.removed_at FROM reports r "
                        + "WHERE r.removed_at IS NOT NULL AND r.removed_at >= :from AND r.removed_at < :to" + scope)
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli());
        readableBy.ifPresent(org -> query.bind("org", org));
        return query.map((rs, ctx) -> new RemovalStatistics.Removal(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3))))
                .list();
    }

    /** Reports with their hashes and routes, read in three queries whatever their number. */
    private static List<Report> select(Handle handle, String where, Map<String, Object> params) {
        List<Row> rows = handle.createQuery("SELECT r.*, o.name AS reporter_name FROM reports r JOIN organisations o ON o.id = r.reporter_id " + where)
                .bindMap(params).map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) return List.of();
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<HashQuery>> hashes = new HashMap<>();
        handle.createQuery("SELECT report_id, type, value, quality FROM report_hashes WHERE report_id IN (<ids>) ORDER BY report_id, position")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    int quality = rs.getInt(4);
                    Optional<Integer> q = rs.wasNull() ? Optional.empty() : Optional.of(quality);
                    return Map.entry(rs.getLong(1), new HashQuery(SignalTypes.byName(rs.getString(2)), rs.getString(3), q));
                })
                .forEach(e -> hashes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Route>> routes = new HashMap<>();
        handle.createQuery("""
                        SELECT x.report_id, x.organisation_id, o.name, o.kind, x.reason, x.routed_at
                        FROM report_routes x JOIN organisations o ON o.id = x.organisation_id
                        WHERE x.report_id IN (<ids>)""")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Route(rs.getLong(2), rs.getString(3), OrganisationKind.valueOf(rs.getString(4)),
                        Route.Reason.valueOf(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)))))
                .forEach(e -> routes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        routes.values().forEach(list -> list.sort(ROUTE_ORDER));
        return rows.stream().map(r -> r.report(hashes.getOrDefault(r.id(), List.of()), routes.getOrDefault(r.id(), List.of()))).toList();
    }

    /** A reports row before its hashes and routes are attached. */
    private record Row(long id, long reporterId, String reporter, Optional<String> url, ReportSource source, Instant reportedAt,
                       String hostingCountry, Optional<String> uploaderCountry, ReportState state, Step created,
                       Optional<Report.Assessment> assessment, Optional<Instant> routedAt, Optional<String> routeNote,
                       Optional<Step> noticeSent, Optional<Step> removed, Optional<Step> removalConfirmed) {
        Report report(List<HashQuery> hashes, List<Route> routes) {
            return new Report(id, reporterId, reporter, url, hashes, source, reportedAt, hostingCountry, uploaderCountry, state, created,
                    assessment, routedAt, routes, routeNote, noticeSent, removed, removalConfirmed);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String reporter = rs.getString("reporter_name");
        Step created = Step.stored(Instant.ofEpochMilli(rs.getLong("created_at")), reporter, rs.getLong("created_token"),
                rs.getString("created_actor"));
        Optional<Report.Assessment> assessment = Optional.empty();
        String verdict = rs.getString("verdict");
        if (verdict != null) {
            String reason = rs.getString("reason");
            ReportVerdict v = verdict.equals("ILLEGAL")
                    ? new ReportVerdict.Illegal(Category.valueOf(rs.getString("category")), Optional.ofNullable(reason))
                    : new ReportVerdict.NotIllegal(reason);
            assessment = step(rs, "assessed").map(step -> new Report.Assessment(v, step));
        }
        return new Row(rs.getLong("id"), rs.getLong("reporter_id"), reporter, Optional.ofNullable(rs.getString("url")),
                ReportSource.valueOf(rs.getString("source")), Instant.ofEpochMilli(rs.getLong("reported_at")),
                rs.getString("hosting_country"), Optional.ofNullable(rs.getString("uploader_country")),
                ReportState.valueOf(rs.getString("state")), created, assessment, instant(rs, "routed_at"),
                Optional.ofNullable(rs.getString("route_note")), step(rs, "notice_sent"), step(rs, "removed"), step(rs, "removal_confirmed"));
    }

    private static Optional<Step> step(ResultSet rs, String prefix) throws SQLException {
        Optional<Instant> at = instant(rs, prefix + "_at");
        if (at.isEmpty()) return Optional.empty();
        return Optional.of(Step.stored(at.get(), rs.getString(prefix + "_by"), rs.getLong(prefix + "_token"), rs.getString(prefix + "_actor")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
