package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The report security matrix on the embedded default database. */
class SqliteReportSecurityMatrixTest extends ReportSecurityMatrix {
    SqliteReportSecurityMatrixTest() {
        super(Backend.SQLITE);
    }
}
