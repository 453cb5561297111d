package io.vgtx.cli.node;

import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;

/** An open node for one command: the database and the services over it. */
public record Node(Database database, BankStore banks, ChangeLog changes) implements AutoCloseable {
    public static Node open(NodeOptions options) {
        Database database = options.open();
        return new Node(database, new BankStore(database), new ChangeLog(database.jdbi()));
    }

    @Override
    public void close() {
        database.close();
    }
}
