-- Append-only, hash-chained record of every write and every read of restricted data (AuditLog).
-- seq is assigned under the write lock; hash = SHA-256(prev_hash, the other fields) (AuditEvent).
CREATE TABLE audit_log (
    seq          ${assigned_key},
    at           BIGINT NOT NULL,
    organisation TEXT   NOT NULL,
    token_id     BIGINT,
    role         TEXT   NOT NULL,
    action       TEXT   NOT NULL,
    subject      TEXT   NOT NULL,
    outcome      TEXT   NOT NULL,
    -- A JSON object of strings, keys sorted.
    details      TEXT   NOT NULL,
    prev_hash    TEXT   NOT NULL,
    hash         TEXT   NOT NULL
);
