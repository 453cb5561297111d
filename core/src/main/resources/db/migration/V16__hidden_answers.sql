-- Hit/no-hit answers rationed (issue 14, io.vgtx.core.ration.HiddenAnswers): per asking organisation, hidden entry and
-- UTC day (YYYY-MM-DD), how many distinct query hashes landed within 48 bits of the entry, and whether the owner was
-- told of a probe; and the query hashes whose answers depended on the entry (at most --hidden-answers-per-day of them).
-- Written in the background every second; read back when the node starts, so that a restart resets no quota.
-- Query hashes are the asker's own, never an entry's value.
CREATE TABLE hidden_answer_days (
    organisation TEXT    NOT NULL,
    entry_id     BIGINT  NOT NULL REFERENCES entries (id),
    day          TEXT    NOT NULL,
    near_queries BIGINT  NOT NULL,
    probe_told   BOOLEAN NOT NULL,
    PRIMARY KEY (organisation, entry_id, day)
);
CREATE INDEX hidden_answer_days_by_day ON hidden_answer_days (day);

CREATE TABLE hidden_answer_hashes (
    organisation TEXT   NOT NULL,
    entry_id     BIGINT NOT NULL REFERENCES entries (id),
    day          TEXT   NOT NULL,
    query_hash   TEXT   NOT NULL,
    PRIMARY KEY (organisation, entry_id, day, query_hash)
);
CREATE INDEX hidden_answer_hashes_by_day ON hidden_answer_hashes (day);
