-- Webhooks: an organisation's HTTPS endpoints that receive its notifications, and the outbox of their
-- deliveries. Same conventions as V1/V2: portable types, times as epoch milliseconds, enums as TEXT.

-- The signing secret is kept as it was issued, not hashed: the node computes an HMAC with it on every
-- delivery. It is shown to the organisation once, when issued or rotated, and never served again.
CREATE TABLE webhooks (
    id                ${identity},
    organisation_id   BIGINT  NOT NULL REFERENCES organisations (id),
    url               TEXT    NOT NULL,
    -- Every kind of notification, including kinds added later; else only those in webhook_kinds.
    all_kinds         BOOLEAN NOT NULL,
    secret            TEXT    NOT NULL,
    description       TEXT,
    created_at        BIGINT  NOT NULL,
    secret_rotated_at BIGINT
);
CREATE INDEX webhooks_by_organisation ON webhooks (organisation_id);

-- The notification kinds a webhook receives, when not all of them.
CREATE TABLE webhook_kinds (
    webhook_id BIGINT NOT NULL REFERENCES webhooks (id),
    kind       TEXT   NOT NULL,
    PRIMARY KEY (webhook_id, kind)
);

-- The outbox: one row per notification per matching webhook, inserted in the notification's own
-- transaction. PENDING rows are claimed by a worker for a lease (locked_until, locked_by) so that two
-- workers, in one process or on two nodes sharing the database, never send one delivery at once.
CREATE TABLE webhook_deliveries (
    id              ${identity},
    webhook_id      BIGINT  NOT NULL REFERENCES webhooks (id),
    notification_id BIGINT  NOT NULL REFERENCES notifications (id),
    -- PENDING, DELIVERED or DEAD (every attempt failed).
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    locked_until    BIGINT,
    locked_by       TEXT,
    last_attempt_at BIGINT,
    -- The HTTP status of the last attempt, or NULL when it got none (refused, timed out).
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    BIGINT,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
