package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The statistics security matrix on PostgreSQL (embedded, as in production but local). */
class PostgresStatisticsSecurityMatrixTest extends StatisticsSecurityMatrix {
    PostgresStatisticsSecurityMatrixTest() {
        super(Backend.POSTGRESQL);
    }
}
