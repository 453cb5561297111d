package io.vgtx.server.api;

import io.vgtx.core.store.Backend;

/** The webhook access matrix on PostgreSQL (embedded, as in production but local). */
class PostgresWebhookAccessMatrixTest extends WebhookAccessMatrix {
    PostgresWebhookAccessMatrixTest() {
        super(Backend.POSTGRESQL);
    }
}
