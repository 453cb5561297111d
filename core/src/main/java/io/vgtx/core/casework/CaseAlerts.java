package io.vgtx.core.casework;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.notify.AlertsSent;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.store.BankStore;
import org.jdbi.v3.core.Handle;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Retractions and disputes reach every agency that acted on an entry: when an entry is retracted, or disputed by
 * {@code disputeThreshold} organisations or more, each organisation whose cases (open or closed) link its hash is told,
 * once, in the same transaction. The alert names the hash the case linked, the owner and its contact; the entry
 * itself (its id and bank) only to an organisation that may see it.
 */
public final class CaseAlerts {
    /** Disputes of an entry after which the cases linking its hash are told. */
    public static final int DEFAULT_DISPUTE_THRESHOLD = 2;

    private final InstantSource clock;
    private final BankStore store;
    private final Notifications notifications;
    private final AuditLog audit;
    private final int disputeThreshold;

    public CaseAlerts(InstantSource clock, BankStore store, Notifications notifications, AuditLog audit, int disputeThreshold) {
        if (disputeThreshold < 1) throw new IllegalArgumentException("the dispute threshold must be at least 1, not " + disputeThreshold);
        this.clock = clock;
        this.store = store;
        this.notifications = notifications;
        this.audit = audit;
        this.disputeThreshold = disputeThreshold;
    }

    public int disputeThreshold() {
        return disputeThreshold;
    }

    /** The entry was retracted: inside the retraction's transaction. */
    void retracted(Handle handle, Entry entry) {
        tell(handle, entry, NotificationKind.ENTRY_WITHDRAWN_FROM_CASE, "retracted", Map.of());
    }

    /** An opinion was given: when it is the dispute that reaches the threshold, the cases are told. */
    void opinionGiven(Handle handle, Entry entry, Opinion opinion) {
        if (opinion.verdict() != Verdict.DISPUTE) return;
        long disputes = handle.createQuery("SELECT COUNT(*) FROM entry_opinions WHERE entry_id = :entry AND verdict = :dispute")
                .bind("entry", entry.id()).bind("dispute", Verdict.DISPUTE.name()).mapTo(Long.class).one();
        if (disputes < disputeThreshold) return;
        tell(handle, entry, NotificationKind.ENTRY_DISPUTED_IN_CASE, "disputed", Map.of("disputes", String.valueOf(disputes)));
    }

    private void tell(Handle handle, Entry entry, NotificationKind kind, String what, Map<String, String> extra) {
        Optional<Bank> bank = store.findBank(entry.bankId());
        String owner = bank.map(Bank::owner).orElse(entry.sourceOrganisation());
        HashRef hash = new HashRef(entry.data().type(), entry.data().value());
        Map<String, TreeSet<Long>> casesByOrganisation = new TreeMap<>();
        handle.createQuery("""
                        SELECT c.id, c.organisation FROM case_hashes ch JOIN cases c ON c.id = ch.case_id
                        WHERE ch.type = :type AND ch.value = :value""")
                .bind("type", hash.type().name()).bind("value", hash.value())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(r -> casesByOrganisation.computeIfAbsent(r.getValue(), o -> new TreeSet<>()).add(r.getKey()));
        // The owner acted itself.
        casesByOrganisation.remove(owner);
        if (casesByOrganisation.isEmpty()) return;
        Optional<String> contact = InTransaction.organisation(handle, owner).flatMap(InTransaction.Org::contact);
        int told = 0;
        for (Map.Entry<String, TreeSet<Long>> e : casesByOrganisation.entrySet()) {
            String organisation = e.getKey();
            if (!AlertsSent.CASEWORK.firstTime(handle, organisation, what + "|entry:" + entry.id(), clock)) continue;
            Map<String, String> details = new TreeMap<>(extra);
            details.put("hash", hash.toString());
            details.put("cases", e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")));
            details.put("owner", owner);
            contact.ifPresent(c -> details.put("contact", c));
            boolean sees = InTransaction.sight(handle, store, organisation).canSee(entry);
            if (sees) {
                details.put("entry", String.valueOf(entry.id()));
                details.put("bank", entry.bankName());
            }
            notifications.notify(handle, organisation, kind, "case:" + e.getValue().first(), details);
            told++;
        }
        if (told > 0) audit.append(handle, new Actor(owner, Optional.empty(), "SYSTEM"), "case.entry_" + what, "entry:" + entry.id(),
                Outcome.OK, Map.of("organisations", String.valueOf(told)));
    }

}
