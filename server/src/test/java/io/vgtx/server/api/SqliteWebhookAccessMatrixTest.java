package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The webhook access matrix on the embedded default database. */
class SqliteWebhookAccessMatrixTest extends WebhookAccessMatrix {
    SqliteWebhookAccessMatrixTest() {
        super(Backend.SQLITE);
    }
}
