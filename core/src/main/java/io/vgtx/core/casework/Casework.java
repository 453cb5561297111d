package io.vgtx.core.casework;

import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.match.Match;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.SharingHooks;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The casework of one node — cases, series, deconfliction, alerts on retracted and disputed entries — and what it
 * adds to sharing ({@link SharingHooks}): hand it to {@code SharedBanks} and {@code SharedMatching}.
 */
public final class Casework implements SharingHooks {
    private final Cases cases;
    private final SeriesCatalog series;
    private final Deconfliction deconfliction;
    private final CaseAlerts alerts;

    public Casework(Cases cases, SeriesCatalog series, Deconfliction deconfliction, CaseAlerts alerts) {
        this.cases = cases;
        this.series = series;
        this.deconfliction = deconfliction;
        this.alerts = alerts;
    }

    /** The services on one database, with the default dispute threshold. */
    public static Casework open(Database database, InstantSource clock, BankStore store, BankRecipients recipients,
                                Organisations organisations, Notifications notifications, AuditLog audit) {
        return open(database, clock, store, recipients, organisations, notifications, audit, CaseAlerts.DEFAULT_DISPUTE_THRESHOLD);
    }

    /** @param disputeThreshold disputes of an entry after which the cases linking its hash are told */
    public static Casework open(Database database, InstantSource clock, BankStore store, BankRecipients recipients,
                                Organisations organisations, Notifications notifications, AuditLog audit, int disputeThreshold) {
        SeriesCatalog series = new SeriesCatalog(database, clock, store, recipients, audit);
        Deconfliction deconfliction = new Deconfliction(database, clock, store, notifications, audit);
        return new Casework(new Cases(database, clock, store, recipients, series, deconfliction, audit), series, deconfliction,
                new CaseAlerts(clock, store, notifications, audit, disputeThreshold));
    }

    public Cases cases() {
        return cases;
    }

    public SeriesCatalog series() {
        return series;
    }

    public Deconfliction deconfliction() {
        return deconfliction;
    }

    public CaseAlerts alerts() {
        return alerts;
    }

    @Override
    public Map<String, VictimIdentification> victimIdentifications(Set<String> seriesNames) {
        return series.identifications(seriesNames);
    }

    @Override
    public Optional<Consumer<Handle>> matched(Principal asker, List<HashQuery> queries, List<List<Match>> found) {
        return deconfliction.matched(asker, queries, found);
    }

    @Override
    public void retracted(Handle handle, Entry entry) {
        alerts.retracted(handle, entry);
    }

    @Override
    public void opinionGiven(Handle handle, Entry entry, Opinion opinion) {
        alerts.opinionGiven(handle, entry, opinion);
    }
}
