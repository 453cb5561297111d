-- Who relied on an entry (io.vgtx.core.reliance), so that a retraction or enough disputes reach them: the
-- organisations a match showed it to, and the reports whose assessment kept it (report_matches, V6).

-- One row per entry and organisation that was shown it as a visible match (its owner is never recorded). Written
-- in the background, in batches, the first time a pair is seen (and again at most hourly, to move last_matched_at),
-- never on the match request's own path.
CREATE TABLE entry_matchers (
    entry_id         BIGINT NOT NULL REFERENCES entries (id),
    organisation     TEXT   NOT NULL,
    first_matched_at BIGINT NOT NULL,
    last_matched_at  BIGINT NOT NULL,
    PRIMARY KEY (entry_id, organisation)
);

-- The reports that relied on an entry, found from the entry.
CREATE INDEX report_matches_by_entry ON report_matches (entry_id, report_id);

-- The alerts sent to those who relied on an entry, by organisation and topic (e.g. report:7|retracted|entry:42),
-- so that none is sent twice: a second retraction or a third dispute tells no one again.
CREATE TABLE reliance_alerts_sent (
    organisation TEXT   NOT NULL,
    topic        TEXT   NOT NULL,
    sent_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation, topic)
);
