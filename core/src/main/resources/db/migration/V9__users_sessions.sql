-- People who sign in to the console: each belongs to one organisation and acts with one role, like a
-- token. Same conventions as V2: portable types, times as epoch milliseconds, enums as TEXT names.

-- The password is kept only as an Argon2id hash in PHC string form ($argon2id$v=19$m=…,t=…,p=…$salt$hash),
-- so its parameters can be raised later and old hashes still verify (PasswordHasher).
CREATE TABLE users (
    id               ${identity},
    organisation_id  BIGINT  NOT NULL REFERENCES organisations (id),
    login            TEXT    NOT NULL,
    role             TEXT    NOT NULL,
    password_hash    TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    disabled_at      BIGINT,
    -- Failed sign-ins since the last success; at the limit the account is locked until locked_until.
    failed_attempts  INTEGER NOT NULL,
    locked_until     BIGINT,
    last_sign_in_at  BIGINT,
    CONSTRAINT users_login_unique UNIQUE (login)
);
CREATE INDEX users_by_organisation ON users (organisation_id);

-- Server-side console sessions. The cookie carries a random secret; only its SHA-256 is kept, so a copy
-- of the database signs no one in. csrf_token is sent back by the console's scripts on every state-changing
-- request (it is useless without the cookie).
CREATE TABLE user_sessions (
    id             ${identity},
    user_id        BIGINT NOT NULL REFERENCES users (id),
    secret_sha256  TEXT   NOT NULL,
    csrf_token     TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    CONSTRAINT user_sessions_secret_unique UNIQUE (secret_sha256)
);
CREATE INDEX user_sessions_by_user ON user_sessions (user_id);

-- Who acted, when it was a signed-in user rather than a token ("user:ID login"); empty for tokens and the CLI.
-- Part of the event's hash only when set, so events written before this column still verify.
ALTER TABLE audit_log ADD COLUMN user_ref TEXT;
