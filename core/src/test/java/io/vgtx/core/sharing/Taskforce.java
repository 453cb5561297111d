package io.vgtx.core.sharing;

import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.EntryOpinions;

import java.time.InstantSource;
import java.util.Optional;

/**
 * A node with organisations in any kind and membership state, and tokens for them: the fixture of the
 * sharing tests and of the server's security matrix. The operator ("Operator Police", NL) holds a BOARD
 * token, so it alone approves applications.
 */
public final class Taskforce {
    public final Database database;
    public final InstantSource clock;
    public final Organisations organisations;
    public final Tokens tokens;
    public final BankStore store;
    public final BankRecipients recipients;
    public final Notifications notifications;
    public final AuditLog audit;
    public final SharedBanks banks;
    public final Feed feed;
    public final Organisation operator;
    private final long boardToken;
    private SharedMatching matching;

    public Taskforce(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
        organisations = new Organisations(database, clock);
        tokens = new Tokens(database, clock);
        store = new BankStore(database, clock);
        recipients = new BankRecipients(database);
        notifications = new Notifications(database, clock);
        audit = new AuditLog(database, clock);
        banks = new SharedBanks(store, recipients, new EntryOpinions(database, clock), notifications, audit);
        feed = new Feed(store, recipients, new io.vgtx.core.changelog.ChangeLog(database.jdbi()), audit);
        operator = organisations.initOperator("Operator Police", "NL");
        boardToken = tokens.issue(operator.id(), Role.BOARD, Optional.empty(), "board").id();
    }

    /** The matching service, loaded on first use (after the test has added what it needs, or not: it catches up). */
    public SharedMatching matching() {
        if (matching == null) matching = new SharedMatching(database, store, recipients, organisations, MatchIndex.load(store), notifications, audit);
        return matching;
    }

    /** An organisation taken through apply, board approval and agreement to ACTIVE, then on to {@code state}. */
    public Organisation organisation(String name, OrganisationKind kind, String country, MembershipState state) {
        Organisation org = organisations.apply(name, kind, country, name.toLowerCase().replace(' ', '.') + "@example.org");
        if (state == MembershipState.APPLIED) return org;
        organisations.vote(org.id(), operator.id(), "token:" + boardToken, state != MembershipState.REJECTED);
        if (state == MembershipState.APPROVED || state == MembershipState.REJECTED) return organisations.find(org.id()).orElseThrow();
        organisations.recordAgreement(org.id(), "2026-1", "Signatory of " + name, "Operator Police");
        if (state == MembershipState.SUSPENDED) organisations.suspend(org.id());
        if (state == MembershipState.WITHDRAWN) organisations.withdraw(org.id());
        return organisations.find(org.id()).orElseThrow();
    }

    public Organisation active(String name, OrganisationKind kind) {
        return organisation(name, kind, "DE", MembershipState.ACTIVE);
    }

    /** A new token's secret. */
    public String token(Organisation org, Role role) {
        return tokens.issue(org.id(), role, Optional.empty(), role.name().toLowerCase()).secret();
    }

    /** The principal of a new token: what a request with it would act as. */
    public Principal principal(Organisation org, Role role) {
        return tokens.authenticate(token(org, role)).orElseThrow();
    }
}
