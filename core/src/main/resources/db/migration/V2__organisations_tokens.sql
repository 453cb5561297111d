-- Organisations and their membership, API tokens, and the named recipients of RED banks.
-- Same conventions as V1: portable types, times as epoch milliseconds, enums as TEXT names
-- validated by the code, ${identity} for database-assigned keys.

-- banks.owner keeps the owning organisation's NAME (V1), so BankStore is unchanged; the unique name
-- here is what it refers to.
CREATE TABLE organisations (
    id                    ${identity},
    name                  TEXT    NOT NULL,
    kind                  TEXT    NOT NULL,
    -- ISO 3166-1 alpha-2, upper case.
    country               TEXT    NOT NULL,
    contact               TEXT,
    state                 TEXT    NOT NULL,
    -- The node's operating organisation: its ADMINs administer the node. At most one.
    operator              BOOLEAN NOT NULL,
    created_at            BIGINT  NOT NULL,
    -- The membership agreement, once recorded (all four set together, or none).
    agreement_version     TEXT,
    agreement_signatory   TEXT,
    agreement_signed_at   BIGINT,
    agreement_recorded_by TEXT,
    CONSTRAINT organisations_name_unique UNIQUE (name)
);

-- The countries an organisation handles reports for (ISO 3166-1 alpha-2).
CREATE TABLE organisation_jurisdictions (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    country         TEXT   NOT NULL,
    PRIMARY KEY (organisation_id, country)
);

-- One row per voting organisation per applicant: a later vote by the same organisation replaces it.
CREATE TABLE membership_votes (
    applicant_id BIGINT  NOT NULL REFERENCES organisations (id),
    voter_id     BIGINT  NOT NULL REFERENCES organisations (id),
    -- Who in the voting organisation cast it (a token id or user reference), for accountability.
    voter_ref    TEXT    NOT NULL,
    approve      BOOLEAN NOT NULL,
    cast_at      BIGINT  NOT NULL,
    PRIMARY KEY (applicant_id, voter_id)
);

-- Only the SHA-256 of a token's secret is kept: the secret is shown once, when issued.
CREATE TABLE api_tokens (
    id              ${identity},
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    role            TEXT   NOT NULL,
    label           TEXT   NOT NULL,
    secret_sha256   TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT,
    revoked_at      BIGINT,
    CONSTRAINT api_tokens_secret_unique UNIQUE (secret_sha256)
);
CREATE INDEX api_tokens_by_organisation ON api_tokens (organisation_id);

-- The organisations a RED bank's entries are shared with, besides its owner.
CREATE TABLE bank_recipients (
    bank_id         BIGINT NOT NULL REFERENCES banks (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (bank_id, organisation_id)
);
