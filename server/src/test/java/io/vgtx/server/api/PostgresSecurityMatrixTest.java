package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The security matrix on PostgreSQL (embedded, as in production but local). */
class PostgresSecurityMatrixTest extends SecurityMatrix {
    PostgresSecurityMatrixTest() {
        super(Backend.POSTGRESQL);
    }
}
