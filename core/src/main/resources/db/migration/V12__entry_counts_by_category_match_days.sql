-- The dashboard's two aggregates (issue 6): entries by category and distribution, and matches per day.

-- Active entries per bank, hash type, distribution and now category, kept by the writer (EntryTable) in the
-- transaction that changes the entries, as since V10. An entry without a category is counted under '' (a key column
-- cannot be NULL). Recreated rather than altered: the primary key changes, and SQLite cannot alter a key.
DROP TABLE bank_entry_counts;
CREATE TABLE bank_entry_counts (
    bank_id      BIGINT NOT NULL REFERENCES banks (id),
    type         TEXT   NOT NULL,
    distribution TEXT   NOT NULL,
    category     TEXT   NOT NULL,
    active       BIGINT NOT NULL,
    PRIMARY KEY (bank_id, type, distribution, category)
);

INSERT INTO bank_entry_counts (bank_id, type, distribution, category, active)
SELECT bank_id, type, distribution, COALESCE(category, ''), COUNT(*)
FROM entries WHERE state = 'ACTIVE' GROUP BY bank_id, type, distribution, COALESCE(category, '');

-- What one organisation looked up per UTC day (YYYY-MM-DD), counts only, never a hash. Added to in the background
-- (io.vgtx.core.statistics.MatchDays), never on the match request's own path. Each hash (or image) looked up counts
-- once under hashes_looked_up and at most once under one of: hashes_with_visible_match (at least one matching entry
-- it may see) or hashes_with_hit_only (only entries it may not see: a hit/no-hit answer naming their owner).
CREATE TABLE match_days (
    organisation             TEXT   NOT NULL,
    day                      TEXT   NOT NULL,
    requests                 BIGINT NOT NULL,
    hashes_looked_up         BIGINT NOT NULL,
    hashes_with_visible_match BIGINT NOT NULL,
    hashes_with_hit_only     BIGINT NOT NULL,
    PRIMARY KEY (organisation, day)
);
