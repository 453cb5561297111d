package io.vgtx.cli.bank;

import io.vgtx.cli.node.Node;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.casework.Casework;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.reliance.Reliance;
import io.vgtx.core.store.AlsoInTransaction;

import java.time.InstantSource;

/**
 * A retraction made on the node's command line (one entry, or an imported file that gives entries as retracted)
 * tells the cases that link the hash, the reports that relied on the entry and the organisations that matched it,
 * in the retraction's own transaction, as when it is retracted over the API.
 */
final class RetractionAlerts implements AutoCloseable {
    private final Casework casework;
    private final Reliance reliance;

    private RetractionAlerts(Casework casework, Reliance reliance) {
        this.casework = casework;
        this.reliance = reliance;
    }

    static RetractionAlerts open(Node open) {
        InstantSource clock = InstantSource.system();
        Notifications notifications = new Notifications(open.database(), clock);
        AuditLog audit = new AuditLog(open.database(), clock);
        Casework casework = Casework.open(open.database(), clock, open.banks(), new BankRecipients(open.database()),
                new Organisations(open.database(), clock), notifications, audit);
        return new RetractionAlerts(casework, Reliance.open(open.database(), clock, notifications, audit, casework.alerts().disputeThreshold()));
    }

    /** To run in the transaction that retracts the entry. */
    AlsoInTransaction<Entry> onRetracted() {
        return (handle, entry) -> {
            casework.retracted(handle, entry);
            reliance.retracted(handle, entry);
        };
    }

    @Override
    public void close() {
        reliance.close();
    }
}
