package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The report security matrix on PostgreSQL (embedded, as in production but local). */
class PostgresReportSecurityMatrixTest extends ReportSecurityMatrix {
    PostgresReportSecurityMatrixTest() {
        super(Backend.POSTGRESQL);
    }
}
