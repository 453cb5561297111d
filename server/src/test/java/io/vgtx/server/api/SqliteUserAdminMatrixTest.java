package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** Who administers console users, on the embedded default database. */
class SqliteUserAdminMatrixTest extends UserAdminMatrix {
    SqliteUserAdminMatrixTest() {
        super(Backend.SQLITE);
    }
}
