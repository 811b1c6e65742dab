-- No clear urgency: it is read from the sealed content, and only when unlocked. DROP COLUMN
-- rewrites every row, and secure_delete overwrites the old bytes.
ALTER TABLE testimonies DROP COLUMN urgent;
-- A moderator's decision, authenticated: HMAC-SHA256 over the row's id, status, the hash of its
-- sealed content, its event link, reject reason and days, under a key derived from the private
-- key the content is sealed to (so only an unlocked Gawahi can write one). NULL on a row as
-- intake made it (pending, nothing decided).
ALTER TABLE testimonies ADD COLUMN decision BLOB;
-- One row, written once by the first unlocked run after this migration, when it authenticated
-- the decisions made before: its MAC says so, under the same kind of key.
CREATE TABLE decisions_authenticated (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    key_id TEXT NOT NULL,
    mac    BLOB NOT NULL
);
-- Rows in random order: rowids were 1, 2, 3... in submission order; new rows get a random one.
UPDATE testimonies SET rowid = (random() & 9223372036854775807)
