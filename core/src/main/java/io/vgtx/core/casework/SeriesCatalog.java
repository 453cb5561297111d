package io.vgtx.core.casework;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.input.StatedTime;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.policy.Viewer;
import io.vgtx.core.sharing.Sight;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Series: the entries that carry one series name (one set of images), and the mark that its victim has been
 * identified. A series shows to an organisation that may see one of its entries, or whose case links it, or that
 * marked it; to anyone else it does not exist (its name is not revealed). The mark itself travels further: every
 * match and every hit/no-hit answer on the series' entries tells it, without the name.
 */
public final class SeriesCatalog {
    private static final int BATCH = 500;

    private final Database database;
    private final InstantSource clock;
    private final BankStore store;
    private final BankRecipients recipients;
    private final AuditLog audit;

    public SeriesCatalog(Database database, InstantSource clock, BankStore store, BankRecipients recipients, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.store = store;
        this.recipients = recipients;
        this.audit = audit;
    }

    /** The series as the principal sees it. @throws NotFoundException when it does not show to the principal */
    public SeriesView view(Principal principal, String name) {
        AccessDeniedException.require(principal, Permission.READ);
        String series = CaseworkRules.seriesName(name);
        Sight sight = Sight.of(principal, store, recipients);
        List<Entry> entries = entries(series);
        long visible = entries.stream().filter(sight::canSee).filter(e -> e.data().state() == EntryState.ACTIVE).count();
        boolean seesAny = entries.stream().anyMatch(sight::canSee);
        return database.write(handle -> {
            Optional<Mark> mark = mark(handle, series);
            List<Long> cases = ownCases(handle, principal.organisationName(), series);
            boolean marker = mark.map(m -> m.identification().organisation().equals(principal.organisationName())).orElse(false);
            if (!seesAny && cases.isEmpty() && !marker) throw new NotFoundException("no series '" + series + "'");
            audit.append(handle, Actor.of(principal), "series.read", CaseworkRules.auditSubject(series), Outcome.OK,
                    Map.of("entries", String.valueOf(visible), "victim_identified", String.valueOf(mark.isPresent())));
            return new SeriesView(series, mark.map(Mark::identification), mark.map(Mark::markedAt), visible, cases);
        });
    }

    /**
     * Marks the series' victim identified, by the principal's agency, on {@code on} (default today, UTC). A law-enforcement
     * member that may see an entry of the series does it; marking again by the same agency corrects the date.
     *
     * @throws NotFoundException      when the principal may see no entry of the series
     * @throws CaseConflictException  when another agency marked it already
     * @throws IllegalArgumentException for a date in the future
     */
    public SeriesView markVictimIdentified(Principal principal, String name, Optional<LocalDate> on) {
        CaseworkRules.requireLawEnforcement(principal, Permission.WRITE);
        String series = CaseworkRules.seriesName(name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate date = on.orElse(today);
        StatedTime.checkDate("on", date, now, Duration.ZERO);
        requireSeesEntry(principal, series);
        return database.write(handle -> {
            Optional<Mark> existing = mark(handle, series);
            if (existing.isPresent() && !existing.get().identification().organisation().equals(principal.organisationName()))
                throw new CaseConflictException("series '" + series + "' is marked victim-identified by '"
                        + existing.get().identification().organisation() + "' already; only that agency may change or remove its mark");
            handle.createUpdate("DELETE FROM series_victim_identified WHERE series = :series").bind("series", series).execute();
            handle.createUpdate("""
                            INSERT INTO series_victim_identified (series, organisation, identified_on, marked_at)
                            VALUES (:series, :organisation, :on, :at)""")
                    .bind("series", series).bind("organisation", principal.organisationName())
                    .bind("on", date.toString()).bind("at", now.toEpochMilli()).execute();
            audit.append(handle, Actor.of(principal), "series.victim_identified", CaseworkRules.auditSubject(series), Outcome.OK,
                    Map.of("identified_on", date.toString(), "previously", existing.map(m -> m.identification().on().toString()).orElse("unmarked")));
            return new SeriesView(series, Optional.of(new VictimIdentification(principal.organisationName(), date)), Optional.of(now),
                    0, ownCases(handle, principal.organisationName(), series));
        });
    }

    /**
     * Removes the mark; only the agency that marked the series may.
     *
     * @throws NotFoundException     when the series does not show to the principal, or is not marked
     * @throws AccessDeniedException when another agency marked it
     */
    public void unmark(Principal principal, String name) {
        CaseworkRules.requireLawEnforcement(principal, Permission.WRITE);
        String series = CaseworkRules.seriesName(name);
        database.write(handle -> {
            Optional<Mark> found = mark(handle, series);
            boolean marker = found.map(m -> m.identification().organisation().equals(principal.organisationName())).orElse(false);
            // Whoever may not see the series learns nothing, not even whether it is marked.
            if (!marker && ownCases(handle, principal.organisationName(), series).isEmpty()
                    && !seesEntry(InTransaction.sight(handle, store, Viewer.of(principal)), series))
                throw new NotFoundException("no series '" + series + "'");
            Mark mark = found.orElseThrow(() -> new NotFoundException("series '" + series + "' is not marked victim-identified"));
            if (!marker) throw new AccessDeniedException("only '" + mark.identification().organisation() + "', which marked series '"
                    + series + "' victim-identified, may remove the mark");
            handle.createUpdate("DELETE FROM series_victim_identified WHERE series = :series").bind("series", series).execute();
            audit.append(handle, Actor.of(principal), "series.victim_unidentified", CaseworkRules.auditSubject(series), Outcome.OK,
                    Map.of("identified_on", mark.identification().on().toString()));
            return null;
        });
    }

    /** Series names per query: well within every database's bind limit. */
    private static final int SERIES_BATCH = 500;

    /**
     * The identifications of those of these series that are marked, by series name: what a match and its hits are
     * annotated from. Reads only the series asked for, so a request costs nothing more as marks accumulate.
     */
    public Map<String, VictimIdentification> identifications(Set<String> series) {
        if (series.isEmpty()) return Map.of();
        List<String> names = List.copyOf(series);
        return database.read(handle -> {
            Map<String, VictimIdentification> marked = new HashMap<>();
            for (int from = 0; from < names.size(); from += SERIES_BATCH) {
                handle.createQuery("SELECT series, organisation, identified_on FROM series_victim_identified WHERE series IN (<series>)")
                        .bindList("series", names.subList(from, Math.min(names.size(), from + SERIES_BATCH)))
                        .map((rs, ctx) -> Map.entry(rs.getString(1), new VictimIdentification(rs.getString(2), LocalDate.parse(rs.getString(3)))))
                        .forEach(e -> marked.put(e.getKey(), e.getValue()));
            }
            return marked;
        });
    }

    /** The identification of one series, read inside the caller's transaction. */
    Optional<VictimIdentification> identification(Handle handle, String series) {
        return mark(handle, series).map(Mark::identification);
    }

    /** Whether the principal may see at least one entry (active or retracted) of the series. */
    boolean seesEntry(Sight sight, String series) {
        return entries(series).stream().anyMatch(sight::canSee);
    }

    void requireSeesEntry(Principal principal, String series) {
        if (!seesEntry(Sight.of(principal, store, recipients), series)) throw new NotFoundException("no series '" + series + "'");
    }

    /** Every entry carrying the series name, retracted ones included, in id order. */
    List<Entry> entries(String series) {
        List<Long> ids = database.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM entries WHERE series = :series ORDER BY id")
                .bind("series", series).mapTo(Long.class).list());
        List<Entry> entries = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) entries.addAll(store.entries(ids.subList(from, Math.min(ids.size(), from + BATCH))));
        entries.sort(java.util.Comparator.comparingLong(Entry::id));
        return entries;
    }

    private static List<Long> ownCases(Handle handle, String organisation, String series) {
        return handle.createQuery("""
                        SELECT c.id FROM case_series cs JOIN cases c ON c.id = cs.case_id
                        WHERE cs.series = :series AND c.organisation = :organisation ORDER BY c.id""")
                .bind("series", series).bind("organisation", organisation).mapTo(Long.class).list();
    }

    private record Mark(VictimIdentification identification, Instant markedAt) {}

    private static Optional<Mark> mark(Handle handle, String series) {
        return handle.createQuery("SELECT organisation, identified_on, marked_at FROM series_victim_identified WHERE series = :series")
                .bind("series", series)
                .map((rs, ctx) -> new Mark(new VictimIdentification(rs.getString(1), LocalDate.parse(rs.getString(2))),
                        Instant.ofEpochMilli(rs.getLong(3))))
                .findOne();
    }
}
