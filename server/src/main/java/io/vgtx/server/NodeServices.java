package io.vgtx.server;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.EntryOpinions;
import io.vgtx.server.auth.BearerAuthenticator;

import java.time.InstantSource;

/**
 * The core services of one node, opened once on its database and shared by every route group. The clock
 * is injectable so tests can move time (token expiry, audit timestamps).
 */
public record NodeServices(Database database, InstantSource clock, Organisations organisations, Tokens tokens,
                           BankStore banks, BankRecipients recipients, EntryOpinions opinions,
                           Notifications notifications) {

    public static NodeServices open(Database database, InstantSource clock) {
        return new NodeServices(database, clock, new Organisations(database, clock), new Tokens(database, clock),
                new BankStore(database, clock), new BankRecipients(database), new EntryOpinions(database, clock),
                new Notifications(database, clock));
    }

    /** Bearer tokens are this node's API tokens; handlers get the {@link Principal} back with {@code call.principal(Principal.class)}. */
    public BearerAuthenticator<Principal> authenticator() {
        return tokens::authenticate;
    }
}
