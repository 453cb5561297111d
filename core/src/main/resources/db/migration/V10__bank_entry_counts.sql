-- Active entries per bank, hash type and distribution, kept by the writer (EntryTable) in the transaction
-- that changes the entries: listing banks then reads a few rows instead of counting millions of entries.
CREATE TABLE bank_entry_counts (
    bank_id      BIGINT NOT NULL REFERENCES banks (id),
    type         TEXT   NOT NULL,
    distribution TEXT   NOT NULL,
    active       BIGINT NOT NULL,
    PRIMARY KEY (bank_id, type, distribution)
);

INSERT INTO bank_entry_counts (bank_id, type, distribution, active)
SELECT bank_id, type, distribution, COUNT(*) FROM entries WHERE state = 'ACTIVE' GROUP BY bank_id, type, distribution;
