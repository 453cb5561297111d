-- Organisations are named here as banks.owner names them: by their unique name.

-- What an organisation is told: a hit on one of its entries that the asker could not see, a
-- confirmation or dispute of its entry, ... Listed over the API, newest last.
CREATE TABLE notifications (
    id           ${identity},
    organisation TEXT   NOT NULL,
    kind         TEXT   NOT NULL,
    subject      TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    -- A JSON object of strings.
    details      TEXT   NOT NULL
);
CREATE INDEX notifications_by_organisation ON notifications (organisation, id);

-- Other organisations' verdicts on an entry: one per organisation, the latest kept.
CREATE TABLE entry_opinions (
    id           ${identity},
    entry_id     BIGINT NOT NULL REFERENCES entries (id),
    organisation TEXT   NOT NULL,
    verdict      TEXT   NOT NULL,
    reason       TEXT,
    given_at     BIGINT NOT NULL,
    CONSTRAINT entry_opinions_one_per_organisation UNIQUE (entry_id, organisation)
);
