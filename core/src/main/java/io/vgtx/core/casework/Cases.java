package io.vgtx.core.casework;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.sharing.Sight;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Law-enforcement cases: opened by an ACTIVE law-enforcement member's ANALYST or ADMIN, linking hashes and series,
 * OPEN or CLOSED. A case is its owner's alone: to every other organisation it does not exist (not found). Linking a
 * hash or series checks it against every other organisation's OPEN cases ({@link Deconfliction}) in the same write.
 * Every write and every read is audited; the audit names cases by id and counts, never titles, references or hashes.
 */
public final class Cases {
    public static final int MAX_LINKS = 10_000;

    private final Database database;
    private final InstantSource clock;
    private final BankStore store;
    private final BankRecipients recipients;
    private final SeriesCatalog series;
    private final Deconfliction deconfliction;
    private final AuditLog audit;

    public Cases(Database database, InstantSource clock, BankStore store, BankRecipients recipients, SeriesCatalog series,
                 Deconfliction deconfliction, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.store = store;
        this.recipients = recipients;
        this.series = series;
        this.deconfliction = deconfliction;
        this.audit = audit;
    }

    /** Opens a case owned by the principal's organisation. */
    public Case open(Principal principal, String title, Optional<String> reference) {
        CaseworkRules.requireLawEnforcement(principal, Permission.WRITE);
        String caseTitle = CaseworkRules.text(title, "title");
        Optional<String> ref = reference.filter(r -> !r.isBlank()).map(r -> CaseworkRules.text(r, "reference"));
        Instant now = now();
        return database.write(handle -> {
            long id = handle.createUpdate("""
                            INSERT INTO cases (organisation, title, reference, state, created_at)
                            VALUES (:organisation, :title, :reference, :state, :at)""")
                    .bind("organisation", principal.organisationName()).bind("title", caseTitle).bind("reference", ref.orElse(null))
                    .bind("state", CaseState.OPEN.name()).bind("at", now.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.append(handle, Actor.of(principal), "case.open", "case:" + id, Outcome.OK, Map.of());
            return new Case(id, principal.organisationName(), caseTitle, ref, CaseState.OPEN, now, Optional.empty());
        });
    }

    /** The principal's organisation's cases, oldest first. */
    public List<Case> list(Principal principal) {
        CaseworkRules.requireLawEnforcement(principal, Permission.READ);
        return database.write(handle -> {
            List<Case> cases = handle.createQuery("SELECT * FROM cases WHERE organisation = :organisation ORDER BY id")
                    .bind("organisation", principal.organisationName()).map((rs, ctx) -> row(rs)).list();
            audit.append(handle, Actor.of(principal), "cases.read", "cases", Outcome.OK, Map.of("cases", String.valueOf(cases.size())));
            return cases;
        });
    }

    /** One of the principal's organisation's cases with what it links. @throws NotFoundException for any other */
    public CaseDetail get(Principal principal, long id) {
        CaseworkRules.requireLawEnforcement(principal, Permission.READ);
        return database.write(handle -> {
            Case found = own(handle, principal, id);
            List<CaseDetail.LinkedHash> hashes = handle.createQuery("SELECT type, value, linked_at FROM case_hashes WHERE case_id = :id ORDER BY type, value")
                    .bind("id", id)
                    .map((rs, ctx) -> new CaseDetail.LinkedHash(HashRef.of(rs.getString(1), rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))))
                    .list();
            List<CaseDetail.LinkedSeries> linked = handle.createQuery("SELECT series, linked_at FROM case_series WHERE case_id = :id ORDER BY series")
                    .bind("id", id)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                    .list().stream()
                    .map(s -> new CaseDetail.LinkedSeries(s.getKey(), s.getValue(), series.identification(handle, s.getKey())))
                    .toList();
            audit.append(handle, Actor.of(principal), "case.read", "case:" + id, Outcome.OK,
                    Map.of("hashes", String.valueOf(hashes.size()), "series", String.valueOf(linked.size())));
            return new CaseDetail(found, hashes, linked);
        });
    }

    /**
     * Links hashes to an OPEN case of the principal's organisation; linking one again changes nothing. Other
     * organisations' OPEN cases touching them are told, and so is the principal's organisation.
     */
    public LinkResult linkHashes(Principal principal, long id, Collection<HashRef> hashes) {
        CaseworkRules.requireLawEnforcement(principal, Permission.WRITE);
        if (hashes.isEmpty()) throw new IllegalArgumentException("give at least one hash");
        if (hashes.size() > MAX_LINKS) throw new IllegalArgumentException("at most " + MAX_LINKS + " hashes per request, not " + hashes.size());
        List<HashRef> distinct = List.copyOf(new LinkedHashSet<>(hashes));
        Instant now = now();
        return database.write(handle -> {
            Case found = requireOpen(own(handle, principal, id));
            int added = 0;
            for (HashRef hash : distinct) {
                added += handle.createUpdate("""
                                INSERT INTO case_hashes (case_id, type, value, linked_at) VALUES (:id, :type, :value, :at)
                                ON CONFLICT DO NOTHING""")
                        .bind("id", id).bind("type", hash.type().name()).bind("value", hash.value()).bind("at", now.toEpochMilli())
                        .execute();
            }
            Deconfliction.Alerts alerts = deconfliction.touchCase(handle, principal, found, distinct, List.of());
            audit.append(handle, Actor.of(principal), "case.link_hashes", "case:" + id, Outcome.OK, Map.of(
                    "added", String.valueOf(added), "already_linked", String.valueOf(distinct.size() - added),
                    "deconfliction_alerts", String.valueOf(alerts.notifications())));
            return new LinkResult(added, distinct.size() - added, alerts.counterparts().size());
        });
    }

    /**
     * Links series, by name, to an OPEN case of the principal's organisation. A series is linked only when the
     * principal may see one of its entries: a name it cannot see is not found (it does not learn it exists).
     */
    public LinkResult linkSeries(Principal principal, long id, Collection<String> names) {
        CaseworkRules.requireLawEnforcement(principal, Permission.WRITE);
        if (names.isEmpty()) throw new IllegalArgumentException("give at least one series");
        if (names.size() > MAX_LINKS) throw new IllegalArgumentException("at most " + MAX_LINKS + " series per request, not " + names.size());
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names.stream().map(CaseworkRules::seriesName).toList()));
        Sight sight = Sight.of(principal, store, recipients);
        Instant now = now();
        return database.write(handle -> {
            Case found = requireOpen(own(handle, principal, id));
            for (String name : distinct) {
                if (!series.seesEntry(sight, name)) throw new NotFoundException("no series '" + name + "'");
            }
            int added = 0;
            for (String name : distinct) {
                added += handle.createUpdate("""
                                INSERT INTO case_series (case_id, series, linked_at) VALUES (:id, :series, :at) ON CONFLICT DO NOTHING""")
                        .bind("id", id).bind("series", name).bind("at", now.toEpochMilli()).execute();
            }
            Deconfliction.Alerts alerts = deconfliction.touchCase(handle, principal, found, List.of(), distinct);
            audit.append(handle, Actor.of(principal), "case.link_series", "case:" + id, Outcome.OK, Map.of(
                    "added", String.valueOf(added), "already_linked", String.valueOf(distinct.size() - added),
                    "deconfliction_alerts", String.valueOf(alerts.notifications())));
            return new LinkResult(added, distinct.size() - added, alerts.counterparts().size());
        });
    }

    /** Closes or reopens a case; a reopened case is checked against the other OPEN cases again. */
    public Case setState(Principal principal, long id, CaseState state) {
        CaseworkRules.requireLawEnforcement(principal, Permission.WRITE);
        Instant now = now();
        return database.write(handle -> {
            Case found = own(handle, principal, id);
            if (found.state() == state) return found;
            if (state == CaseState.CLOSED) {
                handle.createUpdate("UPDATE cases SET state = :state, closed_at = :closed WHERE id = :id")
                        .bind("state", state.name()).bind("closed", now.toEpochMilli()).bind("id", id).execute();
            } else {
                handle.createUpdate("UPDATE cases SET state = :state, closed_at = NULL WHERE id = :id")
                        .bind("state", state.name()).bind("id", id).execute();
            }
            Case changed = new Case(found.id(), found.organisation(), found.title(), found.reference(), state, found.createdAt(),
                    state == CaseState.CLOSED ? Optional.of(now) : Optional.empty());
            int alerts = 0;
            if (state == CaseState.OPEN) {
                List<HashRef> hashes = handle.createQuery("SELECT type, value FROM case_hashes WHERE case_id = :id")
                        .bind("id", id).map((rs, ctx) -> HashRef.of(rs.getString(1), rs.getString(2))).list();
                List<String> linked = handle.createQuery("SELECT series FROM case_series WHERE case_id = :id")
                        .bind("id", id).mapTo(String.class).list();
                alerts = deconfliction.touchCase(handle, principal, changed, hashes, linked).notifications();
            }
            audit.append(handle, Actor.of(principal), "case.state", "case:" + id, Outcome.OK, Map.of(
                    "from", found.state().name(), "to", state.name(), "deconfliction_alerts", String.valueOf(alerts)));
            return changed;
        });
    }

    private static Case requireOpen(Case found) {
        if (found.state() != CaseState.OPEN) throw new CaseConflictException("case " + found.id() + " is CLOSED: reopen it to link more");
        return found;
    }

    /** The case when the principal's organisation owns it; for anyone else it does not exist. */
    private static Case own(Handle handle, Principal principal, long id) {
        return handle.createQuery("SELECT * FROM cases WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne()
                .filter(c -> c.organisation().equals(principal.organisationName()))
                .orElseThrow(() -> new NotFoundException("no case " + id));
    }

    private static Case row(ResultSet rs) throws SQLException {
        long closed = rs.getLong("closed_at");
        Optional<Instant> closedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed));
        return new Case(rs.getLong("id"), rs.getString("organisation"), rs.getString("title"), Optional.ofNullable(rs.getString("reference")),
                CaseState.valueOf(rs.getString("state")), Instant.ofEpochMilli(rs.getLong("created_at")), closedAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
