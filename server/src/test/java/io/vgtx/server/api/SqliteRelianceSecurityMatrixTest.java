package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The reliance security matrix on the embedded default database. */
class SqliteRelianceSecurityMatrixTest extends RelianceSecurityMatrix {
    SqliteRelianceSecurityMatrixTest() {
        super(Backend.SQLITE);
    }
}
