-- The disclosure history: every table that left the process (a report in any format, in the
-- CLI or the chat, a brief), so that a new table is checked against everything published before.
-- Each row is sealed to the collective key and bound to its random id: what was published, and
-- over which testimonies, is readable only with the passphrase. In the clear only the key it is
-- sealed to. No time, no rowid: no order of publication on disk.
CREATE TABLE disclosure_history (
    id     TEXT PRIMARY KEY,
    key_id TEXT NOT NULL,
    sealed BLOB NOT NULL
) WITHOUT ROWID;
