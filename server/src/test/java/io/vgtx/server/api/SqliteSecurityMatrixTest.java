package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The security matrix on the embedded default database. */
class SqliteSecurityMatrixTest extends SecurityMatrix {
    SqliteSecurityMatrixTest() {
        super(Backend.SQLITE);
    }
}
