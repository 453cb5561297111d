package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** Who administers console users, on PostgreSQL. */
class PostgresUserAdminMatrixTest extends UserAdminMatrix {
    PostgresUserAdminMatrixTest() {
        super(Backend.POSTGRESQL);
    }
}
