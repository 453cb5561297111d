package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The casework security matrix on PostgreSQL (embedded, as in production but local). */
class PostgresCaseworkSecurityMatrixTest extends CaseworkSecurityMatrix {
    PostgresCaseworkSecurityMatrixTest() {
        super(Backend.POSTGRESQL);
    }
}
