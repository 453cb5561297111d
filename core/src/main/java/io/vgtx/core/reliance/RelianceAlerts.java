package io.vgtx.core.reliance;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.notify.AlertsSent;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.policy.Viewer;
import io.vgtx.core.policy.Visibility;
import io.vgtx.core.report.ReportReliance;
import org.jdbi.v3.core.Handle;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tells those who relied on an entry that it was retracted, or disputed by the threshold's number of organisations:
 * the reporter and the receivers of every report whose assessment kept it (one notification per organisation and
 * report), and every organisation a match showed it to (one notification each; not again to one already told through
 * a report). Inside the retraction's or the opinion's transaction, once per organisation and event. The entry's id and
 * bank are named only to an organisation that may see it now; anyone else learns what a hit/no-hit answer tells: the
 * owner and its contact. Hash values are never named (the entry's, for those who may see it, is one read away).
 */
final class RelianceAlerts {
    private final InstantSource clock;
    private final MatchLedger ledger;
    private final Notifications notifications;
    private final AuditLog audit;
    private final int disputeThreshold;

    RelianceAlerts(InstantSource clock, MatchLedger ledger, Notifications notifications, AuditLog audit, int disputeThreshold) {
        if (disputeThreshold < 1) throw new IllegalArgumentException("the dispute threshold must be at least 1, not " + disputeThreshold);
        this.clock = clock;
        this.ledger = ledger;
        this.notifications = notifications;
        this.audit = audit;
        this.disputeThreshold = disputeThreshold;
    }

    int disputeThreshold() {
        return disputeThreshold;
    }

    /** What happened to the entry, with the notification kinds it calls for and how each says it. */
    private enum Event {
        RETRACTED("retracted", NotificationKind.ENTRY_WITHDRAWN_FROM_REPORT, NotificationKind.ENTRY_WITHDRAWN_AFTER_MATCH, "was withdrawn by its owner"),
        DISPUTED("disputed", NotificationKind.ENTRY_DISPUTED_IN_REPORT, NotificationKind.ENTRY_DISPUTED_AFTER_MATCH,
                "is disputed by other organisations");

        final String topic;
        final NotificationKind report;
        final NotificationKind match;
        final String what;

        Event(String topic, NotificationKind report, NotificationKind match, String what) {
            this.topic = topic;
            this.report = report;
            this.match = match;
            this.what = what;
        }
    }

    void retracted(Handle handle, Entry entry) {
        tell(handle, entry, Event.RETRACTED, OptionalLong.empty());
    }

    void opinionGiven(Handle handle, Entry entry, Opinion opinion) {
        if (opinion.verdict() != Verdict.DISPUTE) return;
        long disputes = handle.createQuery("SELECT COUNT(*) FROM entry_opinions WHERE entry_id = :entry AND verdict = :dispute")
                .bind("entry", entry.id()).bind("dispute", Verdict.DISPUTE.name()).mapTo(Long.class).one();
        if (disputes >= disputeThreshold) tell(handle, entry, Event.DISPUTED, OptionalLong.of(disputes));
    }

    private void tell(Handle handle, Entry entry, Event event, OptionalLong disputes) {
        Bank bank = bank(handle, entry.bankId());
        Map<String, TreeMap<Long, String>> readers = new TreeMap<>();
        for (ReportReliance.Reader reader : ReportReliance.readers(handle, entry.id())) {
            if (reader.organisation().equals(bank.owner())) continue; // the owner acted itself
            readers.computeIfAbsent(reader.organisation(), o -> new TreeMap<>()).putIfAbsent(reader.reportId(), reader.relation().name());
        }
        TreeSet<String> matchers = ledger.matchers(handle, entry.id());
        matchers.remove(bank.owner());
        if (readers.isEmpty() && matchers.isEmpty()) return;

        Optional<String> contact = organisation(handle, bank.owner()).flatMap(Org::contact);
        Set<Long> recipients = new HashSet<>(handle.createQuery("SELECT organisation_id FROM bank_recipients WHERE bank_id = :bank")
                .bind("bank", bank.id()).mapTo(Long.class).list());
        Distribution distribution = entry.data().distribution().orElse(bank.defaultDistribution());
        Map<String, Boolean> sees = new HashMap<>();
        java.util.function.Predicate<String> canSee = org -> sees.computeIfAbsent(org, o -> Visibility.canSee(
                organisation(handle, o).map(Org::viewer).orElse(new Viewer(-1, o, OrganisationKind.NGO, MembershipState.WITHDRAWN)),
                bank.owner(), distribution, recipients));

        Set<Long> reportsTold = new TreeSet<>();
        Set<String> told = new TreeSet<>();
        for (Map.Entry<String, TreeMap<Long, String>> reader : readers.entrySet()) {
            String organisation = reader.getKey();
            for (Map.Entry<Long, String> report : reader.getValue().entrySet()) {
                long reportId = report.getKey();
                // Told through the report: not told again as a matcher, whether this report's alert went out now or before.
                matchers.remove(organisation);
                if (!AlertsSent.RELIANCE.firstTime(handle, organisation, "report:" + reportId + "|" + event.topic + "|entry:" + entry.id(), clock)) continue;
                Map<String, String> details = details(entry, event, disputes, bank, contact, canSee.test(organisation),
                        "an entry your report relied on " + event.what);
                details.put("report", String.valueOf(reportId));
                details.put("relation", report.getValue());
                notifications.notify(handle, organisation, event.report, "report:" + reportId, details);
                reportsTold.add(reportId);
                told.add(organisation);
            }
        }
        int matchersTold = 0;
        for (String organisation : matchers) {
            if (!AlertsSent.RELIANCE.firstTime(handle, organisation, "match|" + event.topic + "|entry:" + entry.id(), clock)) continue;
            boolean visible = canSee.test(organisation);
            Map<String, String> details = details(entry, event, disputes, bank, contact, visible, "an entry you matched " + event.what);
            // The subject names the entry only to those who may see it.
            notifications.notify(handle, organisation, event.match, visible ? "entry:" + entry.id() : "match", details);
            told.add(organisation);
            matchersTold++;
        }
        if (told.isEmpty()) return;
        Map<String, String> audited = new LinkedHashMap<>();
        audited.put("organisations", String.valueOf(told.size()));
        audited.put("reports", String.valueOf(reportsTold.size()));
        audited.put("matchers", String.valueOf(matchersTold));
        audit.append(handle, new Actor(bank.owner(), Optional.empty(), "SYSTEM"), "reliance.entry_" + event.topic, "entry:" + entry.id(),
                Outcome.OK, audited);
    }

    private static Map<String, String> details(Entry entry, Event event, OptionalLong disputes, Bank bank, Optional<String> contact,
                                               boolean visible, String note) {
        Map<String, String> details = new TreeMap<>();
        details.put("note", note);
        details.put("owner", bank.owner());
        contact.ifPresent(c -> details.put("contact", c));
        disputes.ifPresent(n -> details.put("disputes", String.valueOf(n)));
        if (visible) {
            details.put("entry", String.valueOf(entry.id()));
            details.put("bank", entry.bankName());
        }
        return details;
    }

    /** The entry's bank as visibility needs it, read on the transaction's own handle. */
    private record Bank(long id, String owner, Distribution defaultDistribution) {}

    private static Bank bank(Handle handle, long id) {
        return handle.createQuery("SELECT id, owner, default_distribution FROM banks WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Bank(rs.getLong(1), rs.getString(2), Distribution.valueOf(rs.getString(3))))
                .one();
    }

    /** An organisation as alerts need it: who it is, its contact. */
    private record Org(Viewer viewer, Optional<String> contact) {}

    private static Optional<Org> organisation(Handle handle, String name) {
        return handle.createQuery("SELECT id, name, kind, state, contact FROM organisations WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Org(new Viewer(rs.getLong(1), rs.getString(2), OrganisationKind.valueOf(rs.getString(3)),
                        MembershipState.valueOf(rs.getString(4))), Optional.ofNullable(rs.getString(5))))
                .findOne();
    }
}
