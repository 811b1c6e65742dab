-- Roles: one row, the whole role table sealed to the collective key (read only when
-- unlocked), so a seized server names no moderator. It also holds the key of the audit's
-- actor pseudonyms.
CREATE TABLE roles (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    key_id TEXT NOT NULL,
    sealed BLOB NOT NULL
);

-- Raid events (HURIDOCS: one event, many acts): a random id and the day it was started.
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    created_day TEXT NOT NULL
);

-- A testimony's raid event, and why it was rejected (a code from a short list, no words).
ALTER TABLE testimonies ADD COLUMN event_id TEXT REFERENCES events (id);
ALTER TABLE testimonies ADD COLUMN reject_reason TEXT;
