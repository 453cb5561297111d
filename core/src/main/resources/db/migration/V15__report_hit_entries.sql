-- The entries behind the hit/no-hit answers a report's assessment kept (entries the assessing organisation could not
-- see), never shown to anyone: so that their retraction, or enough disputes, reaches the report's readers as a hit
-- would (the owner's contact, no entry), as it does for the matches a report kept (report_matches).
CREATE TABLE report_hit_entries (
    report_id BIGINT  NOT NULL REFERENCES reports (id),
    position  INTEGER NOT NULL,
    entry_id  BIGINT  NOT NULL REFERENCES entries (id),
    PRIMARY KEY (report_id, position, entry_id)
);
CREATE INDEX report_hit_entries_by_entry ON report_hit_entries (entry_id, report_id);
