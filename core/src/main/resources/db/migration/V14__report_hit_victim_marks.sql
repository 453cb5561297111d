-- A hit/no-hit answer kept with a report says, as at the match API, whether the victim of the matching entry is
-- identified, and who identified it and when (never the series): as the assessment's match found it, for the entries
-- the assessing organisation could not see. Rows from before say nothing of it.
ALTER TABLE report_hits ADD COLUMN victim_identified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE report_hits ADD COLUMN identified_by TEXT;
ALTER TABLE report_hits ADD COLUMN identified_on TEXT;
