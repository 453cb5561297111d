package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** Session and token answers are the same, on PostgreSQL. */
class PostgresSessionTokenEquivalenceTest extends SessionTokenEquivalence {
    PostgresSessionTokenEquivalenceTest() {
        super(Backend.POSTGRESQL);
    }
}
