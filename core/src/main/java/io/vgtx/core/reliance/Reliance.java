package io.vgtx.core.reliance;

import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.sharing.SharingHooks;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.InstantSource;
import java.util.Set;

/**
 * What a node adds to sharing so that a retraction or a doubt reaches everyone who acted on an entry beyond cases
 * (which casework tells): the reports whose assessment kept it and the organisations a match showed it to. Hand it
 * to {@code SharedBanks} and {@code SharedMatching} as (part of) their {@link SharingHooks}; {@linkplain #start() start}
 * it with the node and {@linkplain #close() close} it before the database.
 */
public final class Reliance implements SharingHooks, AutoCloseable {
    /** Disputes of an entry after which those who relied on it are told: as for cases. */
    public static final int DEFAULT_DISPUTE_THRESHOLD = 2;

    private final MatchLedger ledger;
    private final RelianceAlerts alerts;

    public Reliance(MatchLedger ledger, Notifications notifications, AuditLog audit, InstantSource clock, int disputeThreshold) {
        this.ledger = ledger;
        this.alerts = new RelianceAlerts(clock, ledger, notifications, audit, disputeThreshold);
    }

    /** On one database, with a ledger that writes every second once started. */
    public static Reliance open(Database database, InstantSource clock, Notifications notifications, AuditLog audit, int disputeThreshold) {
        return new Reliance(new MatchLedger(database, clock), notifications, audit, clock, disputeThreshold);
    }

    public MatchLedger ledger() {
        return ledger;
    }

    public int disputeThreshold() {
        return alerts.disputeThreshold();
    }

    /** Starts writing the ledger in the background. */
    public Reliance start() {
        ledger.start();
        return this;
    }

    @Override
    public void shown(Principal asker, Set<Long> entryIds) {
        ledger.offer(asker.organisationName(), entryIds);
    }

    @Override
    public void retracted(Handle handle, Entry entry) {
        alerts.retracted(handle, entry);
    }

    @Override
    public void opinionGiven(Handle handle, Entry entry, Opinion opinion) {
        alerts.opinionGiven(handle, entry, opinion);
    }

    /** Stops the background writer and writes what is left. */
    @Override
    public void close() {
        ledger.close();
    }
}
