-- Hotline reports (io.vgtx.core.report): a URL and/or content hashes (never content), assessed by the
-- reporting organisation, routed to the organisations holding the hosting country's jurisdiction, and
-- tracked through notice -> removed -> removal confirmed. Same conventions as V1: portable types, times as
-- epoch milliseconds, enums as TEXT names validated by the code, ${identity} for database-assigned keys.
-- Every step keeps when it happened (*_at), the organisation that recorded it (*_by) and its token (*_token).

CREATE TABLE reports (
    id                      ${identity},
    reporter_id             BIGINT  NOT NULL REFERENCES organisations (id),
    url                     TEXT,
    source                  TEXT    NOT NULL,
    -- When the report was made to the reporting organisation (the start of time-to-removal).
    reported_at             BIGINT  NOT NULL,
    -- ISO 3166-1 alpha-2, upper case.
    hosting_country         TEXT    NOT NULL,
    uploader_country        TEXT,
    state                   TEXT    NOT NULL,
    created_at              BIGINT  NOT NULL,
    created_token           BIGINT  NOT NULL,
    -- The assessment (ILLEGAL with a category, or NOT_ILLEGAL with a reason), once made.
    verdict                 TEXT,
    category                TEXT,
    reason                  TEXT,
    assessed_at             BIGINT,
    assessed_by             TEXT,
    assessed_token          BIGINT,
    routed_at               BIGINT,
    -- Why a report is not (or only partly) routed, e.g. no organisation holds the jurisdiction.
    route_note              TEXT,
    notice_sent_at          BIGINT,
    notice_sent_by          TEXT,
    notice_sent_token       BIGINT,
    removed_at              BIGINT,
    removed_by              TEXT,
    removed_token           BIGINT,
    removal_confirmed_at    BIGINT,
    removal_confirmed_by    TEXT,
    removal_confirmed_token BIGINT
);
CREATE INDEX reports_by_reporter ON reports (reporter_id, id);
CREATE INDEX reports_by_removal ON reports (removed_at);

-- The hashes a report carries, in the order given.
CREATE TABLE report_hashes (
    report_id BIGINT  NOT NULL REFERENCES reports (id),
    position  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    quality   INTEGER,
    PRIMARY KEY (report_id, position)
);

-- The organisations a report was routed to; each reads it from then on.
CREATE TABLE report_routes (
    report_id       BIGINT NOT NULL REFERENCES reports (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    -- JURISDICTION, HOTLINE or FALLBACK.
    reason          TEXT   NOT NULL,
    routed_at       BIGINT NOT NULL,
    PRIMARY KEY (report_id, organisation_id)
);
CREATE INDEX report_routes_by_organisation ON report_routes (organisation_id, report_id);

-- What the assessment's match found, as the assessing organisation was allowed to see it: the entries it
-- could see (shown to each reader only if that reader may see them too) and the organisations holding
-- entries it could not (hit/no-hit: a name and a contact, never the entry).
CREATE TABLE report_matches (
    report_id BIGINT  NOT NULL REFERENCES reports (id),
    position  INTEGER NOT NULL,
    entry_id  BIGINT  NOT NULL REFERENCES entries (id),
    bank_id   BIGINT  NOT NULL REFERENCES banks (id),
    type      TEXT    NOT NULL,
    distance  INTEGER NOT NULL,
    category  TEXT,
    PRIMARY KEY (report_id, position, entry_id)
);

CREATE TABLE report_hits (
    report_id    BIGINT  NOT NULL REFERENCES reports (id),
    position     INTEGER NOT NULL,
    organisation TEXT    NOT NULL,
    contact      TEXT,
    PRIMARY KEY (report_id, position, organisation)
);
