package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The casework security matrix on the embedded default database. */
class SqliteCaseworkSecurityMatrixTest extends CaseworkSecurityMatrix {
    SqliteCaseworkSecurityMatrixTest() {
        super(Backend.SQLITE);
    }
}
