package io.vgtx.cli.node;

import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;

import java.time.InstantSource;

/** An open node for one command: the database and the services over it. */
public record Node(Database database, BankStore banks, ChangeLog changes, String organisation) implements AutoCloseable {
    /**
     * Opens the node; the acting organisation is the one --org or $VGTX_ORG names, else the node's operating
     * organisation (so that what the operator adds from its own machine is its own), else {@value NodeOptions#LOCAL_ORGANISATION}.
     */
    public static Node open(NodeOptions options) {
        Database database = options.open();
        String organisation = options.organisation().orElseGet(() -> new Organisations(database, InstantSource.system()).operator()
                .map(Organisation::name).orElse(NodeOptions.LOCAL_ORGANISATION));
        return new Node(database, new BankStore(database), new ChangeLog(database.jdbi()), organisation);
    }

    @Override
    public void close() {
        database.close();
    }
}
