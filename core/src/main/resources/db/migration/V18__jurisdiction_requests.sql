-- Jurisdictions are the node's decision (issue 14): an organisation's ADMIN asks for countries, the node administrator
-- grants or refuses them; reports are routed by organisation_jurisdictions (V2), the granted ones, only. One pending
-- request per organisation: a new one replaces it. countries: ISO 3166-1 alpha-2 codes, sorted, comma-separated
-- ('' asks to handle none).
CREATE TABLE jurisdiction_requests (
    organisation_id BIGINT NOT NULL PRIMARY KEY REFERENCES organisations (id),
    countries       TEXT   NOT NULL,
    requested_at    BIGINT NOT NULL,
    -- Who asked: a token id or user reference, as votes name their voter.
    requested_by    TEXT   NOT NULL
);
