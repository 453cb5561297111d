-- Cases, series marked victim-identified, and the alerts casework has sent (so none is sent twice).
-- Same conventions as V1: portable types, times as epoch milliseconds, enums as TEXT names validated by
-- the code, organisations named by their unique name (as banks.owner names them).

-- An agency's case: private to its owner organisation.
CREATE TABLE cases (
    id           ${identity},
    organisation TEXT   NOT NULL,
    title        TEXT   NOT NULL,
    reference    TEXT,
    state        TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    -- Set while the case is CLOSED.
    closed_at    BIGINT
);
CREATE INDEX cases_by_organisation ON cases (organisation, id);

-- The hashes a case links, normalised as entries keep them (lower-case hex).
CREATE TABLE case_hashes (
    case_id   BIGINT NOT NULL REFERENCES cases (id),
    type      TEXT   NOT NULL,
    value     TEXT   NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, type, value)
);
-- "Which cases link this hash?": deconfliction, retractions and disputes.
CREATE INDEX case_hashes_by_hash ON case_hashes (type, value);

-- The series a case links, by name (entries.series).
CREATE TABLE case_series (
    case_id   BIGINT NOT NULL REFERENCES cases (id),
    series    TEXT   NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, series)
);
CREATE INDEX case_series_by_series ON case_series (series);

-- A series whose victim has been identified, by the agency that marked it; deleting the row unmarks it.
CREATE TABLE series_victim_identified (
    series        TEXT   NOT NULL PRIMARY KEY,
    organisation  TEXT   NOT NULL,
    -- ISO 8601 date (YYYY-MM-DD) of the identification, as the agency states it.
    identified_on TEXT   NOT NULL,
    marked_at     BIGINT NOT NULL
);

-- One row per alert topic already told to an organisation (a deconfliction overlap with a named
-- counterpart, a retraction or dispute of an entry its cases link): an alert is never repeated.
CREATE TABLE casework_alerts_sent (
    organisation TEXT   NOT NULL,
    topic        TEXT   NOT NULL,
    sent_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation, topic)
);

-- The entries of a series: what a series read, a victim-identified mark and deconfliction look up.
-- Partial, so entries without a series (most imports) cost nothing to add.
CREATE INDEX entries_by_series ON entries (series) WHERE series IS NOT NULL;
