package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The statistics security matrix on the embedded default database. */
class SqliteStatisticsSecurityMatrixTest extends StatisticsSecurityMatrix {
    SqliteStatisticsSecurityMatrixTest() {
        super(Backend.SQLITE);
    }
}
