-- One schema for SQLite and PostgreSQL. Where they differ, Flyway placeholders (see Dialect):
--   ${identity}      a 64-bit key the database assigns
--   ${assigned_key}  a 64-bit key the writer assigns, under the write lock (Database.write): entry ids
--                    and change-log seqs are known before a row is inserted, so a batch of entries and
--                    its change-log rows go in without reading generated keys back
-- Portable types only: times are epoch milliseconds (BIGINT), hashes lower-case hex TEXT, enums their
-- names as TEXT. Enum columns have no CHECK constraints: the code validates them, and changing a
-- constraint in SQLite means rebuilding the table.

CREATE TABLE banks (
    id                   ${identity},
    name                 TEXT    NOT NULL,
    -- The owning organisation's name, until organisations have a table of their own.
    owner                TEXT    NOT NULL,
    default_category     TEXT,
    default_distribution TEXT    NOT NULL,
    created_at           BIGINT  NOT NULL,
    CONSTRAINT banks_name_unique UNIQUE (name)
);

-- Entries are never deleted: a retraction is a state, so it can reach every copy.
CREATE TABLE entries (
    id                  ${assigned_key},
    bank_id             BIGINT  NOT NULL REFERENCES banks (id),
    type                TEXT    NOT NULL,
    value               TEXT    NOT NULL,
    quality             INTEGER,
    category            TEXT,
    series              TEXT,
    victim_identified   BOOLEAN NOT NULL,
    first_seen          BIGINT,
    source_organisation TEXT    NOT NULL,
    distribution        TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    label               TEXT,
    -- Fields a source carried that have no column, as a JSON object of strings; NULL when none.
    metadata            TEXT,
    -- The change_log.seq of this entry's latest change.
    last_change_seq     BIGINT  NOT NULL,
    -- The only secondary index, on purpose. It serves an import's "which of these hashes does the bank
    -- hold?", a bank's entries in hash order (export), and "which banks hold this hash?" (one probe
    -- per bank). A second index on (type, value) cost 40 % of import speed on SQLite; an index on
    -- bank_id alone led PostgreSQL, before it had statistics, to scan the whole bank once per batch.
    CONSTRAINT entries_hash_unique UNIQUE (bank_id, type, value)
);

-- Grades in other organisations' schemes, kept as they came (see Grade).
CREATE TABLE entry_grades (
    id        ${identity},
    entry_id  BIGINT NOT NULL REFERENCES entries (id),
    scheme    TEXT   NOT NULL,
    grade     TEXT   NOT NULL,
    graded_by TEXT,
    graded_at BIGINT
);
CREATE INDEX entry_grades_by_entry ON entry_grades (entry_id);

-- Append-only: one row per change to an entry, in commit order (seq is assigned under the write
-- lock, so seq order is commit order). The state is the entry's state after this change; its bank
-- and hash never change, so they are read from entries rather than stored twice.
CREATE TABLE change_log (
    seq        ${assigned_key},
    entry_id   BIGINT NOT NULL REFERENCES entries (id),
    kind       TEXT   NOT NULL,
    changed_at BIGINT NOT NULL,
    state      TEXT   NOT NULL
);
