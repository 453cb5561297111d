package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** Session and token answers are the same, on the embedded default database. */
class SqliteSessionTokenEquivalenceTest extends SessionTokenEquivalence {
    SqliteSessionTokenEquivalenceTest() {
        super(Backend.SQLITE);
    }
}
