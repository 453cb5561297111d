package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The reliance security matrix on PostgreSQL (embedded, as in production but local). */
class PostgresRelianceSecurityMatrixTest extends RelianceSecurityMatrix {
    PostgresRelianceSecurityMatrixTest() {
        super(Backend.POSTGRESQL);
    }
}
