-- Who recorded each step of a report, as a reference: 'token:7' for an API token, 'user:12 alice' for a signed-in
-- console user (whose token column holds 0, which named no one). NULL in rows written before this migration: those
-- steps were recorded with a token (or by a console user, whom they cannot name now), and read back as 'token:N'.
ALTER TABLE reports ADD COLUMN created_actor TEXT;
ALTER TABLE reports ADD COLUMN assessed_actor TEXT;
ALTER TABLE reports ADD COLUMN notice_sent_actor TEXT;
ALTER TABLE reports ADD COLUMN removed_actor TEXT;
ALTER TABLE reports ADD COLUMN removal_confirmed_actor TEXT;
