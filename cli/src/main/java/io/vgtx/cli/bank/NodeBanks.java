package io.vgtx.cli.bank;

import io.vgtx.cli.node.Node;
import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.casework.Casework;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.reliance.Reliance;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.sharing.SharingHooks;
import io.vgtx.core.store.EntryOpinions;

import java.time.InstantSource;

/**
 * The sharing service a {@code vgtx bank} command writes through, as the API does: the same audit events in the same
 * hash chain (under {@link Actor#cli}, the operating-system user), and a retraction (one entry, or an imported file
 * that gives entries as retracted) tells the cases that link the hash, the reports that relied on the entry and the
 * organisations that matched it, in the retraction's own transaction.
 */
final class NodeBanks implements AutoCloseable {
    private final SharedBanks banks;
    private final Reliance reliance;
    private final Actor actor;

    private NodeBanks(SharedBanks banks, Reliance reliance, Actor actor) {
        this.banks = banks;
        this.reliance = reliance;
        this.actor = actor;
    }

    static NodeBanks open(Node open) {
        InstantSource clock = InstantSource.system();
        Notifications notifications = new Notifications(open.database(), clock);
        AuditLog audit = new AuditLog(open.database(), clock);
        BankRecipients recipients = new BankRecipients(open.database());
        Casework casework = Casework.open(open.database(), clock, open.banks(), recipients, new Organisations(open.database(), clock),
                notifications, audit);
        Reliance reliance = Reliance.open(open.database(), clock, notifications, audit, casework.alerts().disputeThreshold());
        SharedBanks banks = new SharedBanks(open.banks(), recipients, new EntryOpinions(open.database(), clock), notifications, audit,
                SharingHooks.all(casework, reliance));
        return new NodeBanks(banks, reliance, Actor.cli(open.organisation()));
    }

    SharedBanks banks() {
        return banks;
    }

    /** Who the audit trail names: the command's organisation and the operating-system user ({@code cli:alice}). */
    Actor actor() {
        return actor;
    }

    @Override
    public void close() {
        reliance.close();
    }
}
