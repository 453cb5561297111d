package io.vgtx.server.node;

import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.casework.CaseAlerts;
import io.vgtx.core.casework.Casework;
import io.vgtx.core.casework.HashRef;
import io.vgtx.core.casework.Origin;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.ration.HiddenAnswers;
import io.vgtx.core.ration.HiddenQuota;
import io.vgtx.core.reliance.Reliance;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.report.Reports;
import io.vgtx.core.sharing.Feed;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.sharing.SharingHooks;
import io.vgtx.core.statistics.MatchDays;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.EntryOpinions;
import io.vgtx.core.webhook.WebhookDelivery;
import io.vgtx.core.webhook.WebhookSettings;
import io.vgtx.core.webhook.Webhooks;
import io.vgtx.core.user.Sessions;
import io.vgtx.core.user.Users;
import io.vgtx.server.auth.BearerAuthenticator;
import io.vgtx.server.auth.SessionAuthenticator;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The core services of one node, opened once on its database and shared by every route group. The clock
 * is injectable so tests can move time (token expiry, audit timestamps).
 */
public record NodeServices(Database database, InstantSource clock, Organisations organisations, Tokens tokens,
                           BankStore store, BankRecipients recipients, Notifications notifications, AuditLog audit,
                           SharedBanks banks, SharedMatching matching, Feed feed, Casework casework, Reports reports,
                           Webhooks webhooks, WebhookDelivery webhookDelivery, Users users, Sessions sessions, Reliance reliance,
                           MatchDays matchDays) {

    /** Opens the services; the match index is built from the database. */
    public static NodeServices open(Database database, InstantSource clock) {
        return open(database, clock, Optional.empty());
    }

    /**
     * Opens the services; the match index starts from {@code snapshot} when it is there and still agrees with the
     * change log (see {@link MatchIndex#load(BankStore, ChangeLog, Path)}), else from the database.
     */
    public static NodeServices open(Database database, InstantSource clock, Optional<Path> snapshot) {
        return open(database, clock, snapshot, ReportSettings.none());
    }

    /** As {@link #open(Database, InstantSource, Optional)}, with how reports are routed (e.g. {@code vgtx serve --report-fallback}). */
    public static NodeServices open(Database database, InstantSource clock, Optional<Path> snapshot, ReportSettings reportSettings) {
        return open(database, clock, snapshot, reportSettings, CaseAlerts.DEFAULT_DISPUTE_THRESHOLD);
    }

    /**
     * As {@link #open(Database, InstantSource, Optional, ReportSettings)}, telling the cases, reports and matchers that
     * relied on an entry once {@code disputeThreshold} organisations dispute it ({@code vgtx serve --dispute-threshold}).
     */
    public static NodeServices open(Database database, InstantSource clock, Optional<Path> snapshot, ReportSettings reportSettings,
                                    int disputeThreshold) {
        return open(database, clock, snapshot, reportSettings, disputeThreshold, HiddenQuota.DEFAULT_ANSWERS_PER_DAY);
    }

    /**
     * As above, with at most {@code hiddenAnswersPerDay} answers per asking organisation, hidden entry and UTC day
     * ({@code vgtx serve --hidden-answers-per-day}). The ration's background writer is not started here: the node
     * starts and stops it ({@code matching().hiddenAnswers()}); until then each request writes its own records.
     */
    public static NodeServices open(Database database, InstantSource clock, Optional<Path> snapshot, ReportSettings reportSettings,
                                    int disputeThreshold, int hiddenAnswersPerDay) {
        BankStore store = new BankStore(database, clock);
        BankRecipients recipients = new BankRecipients(database);
        Organisations organisations = new Organisations(database, clock);
        Notifications notifications = new Notifications(database, clock);
        AuditLog audit = new AuditLog(database, clock);
        ChangeLog changes = new ChangeLog(database.jdbi());
        MatchIndex index = snapshot.map(file -> MatchIndex.load(store, changes, file)).orElseGet(() -> MatchIndex.load(store));
        Casework casework = Casework.open(database, clock, store, recipients, organisations, notifications, audit, disputeThreshold);
        // Reports and matchers that relied on an entry hear of its retraction or doubt as cases do, at the same threshold.
        Reliance reliance = Reliance.open(database, clock, notifications, audit, casework.alerts().disputeThreshold());
        // What each organisation looked up per day, added up in memory on the match path and written in the background.
        MatchDays matchDays = new MatchDays(database, clock);
        SharingHooks hooks = SharingHooks.all(casework, reliance, matchDays);
        // Hit/no-hit answers rationed per organisation, hidden entry and day; counts read back from the database.
        HiddenAnswers hidden = new HiddenAnswers(database, clock, notifications, audit, hiddenAnswersPerDay);
        SharedMatching matching = new SharedMatching(database, store, recipients, organisations, index, notifications, audit, hooks, hidden);
        return new NodeServices(database, clock, organisations, new Tokens(database, clock), store, recipients, notifications, audit,
                new SharedBanks(store, recipients, new EntryOpinions(database, clock), notifications, audit, hooks),
                matching,
                new Feed(store, recipients, changes, audit), casework,
                new Reports(database, clock, organisations, store, recipients, matching, notifications, audit, reportSettings,
                        (handle, organisation, reportId, hashes) -> casework.deconfliction().touch(handle, organisation,
                                hashes.stream().map(h -> new HashRef(h.type(), h.value())).toList(), Origin.REPORT, "report:" + reportId)),
                new Webhooks(database, clock, audit, WebhookSettings.defaults()),
                new WebhookDelivery(database, clock, WebhookSettings.defaults()),
                new Users(database, clock), new Sessions(database, clock), reliance, matchDays);
    }

    /**
     * The same services with webhooks delivered under {@code settings} (attempts, waits, timeouts). The delivery service
     * is not started here: the node runs it in a {@link io.vgtx.core.webhook.WebhookWorker}; tests call
     * {@link WebhookDelivery#runDue()}.
     */
    public NodeServices withWebhookSettings(WebhookSettings settings) {
        webhookDelivery.close();
        return new NodeServices(database, clock, organisations, tokens, store, recipients, notifications, audit, banks, matching, feed,
                casework, reports, new Webhooks(database, clock, audit, settings), new WebhookDelivery(database, clock, settings), users, sessions,
                reliance, matchDays);
    }

    /** Bearer tokens are this node's API tokens; handlers get the {@link Principal} back with {@code call.principal(Principal.class)}. */
    public BearerAuthenticator<Principal> authenticator() {
        return tokens::authenticate;
    }

    /** Console session cookies resolve to the same kind of {@link Principal} as tokens (with {@link Principal#user} set). */
    public SessionAuthenticator<Principal> sessionAuthenticator() {
        return cookie -> sessions.resolve(cookie).map(s -> new SessionAuthenticator.Session<>(s.principal(), s.csrfToken()));
    }
}
