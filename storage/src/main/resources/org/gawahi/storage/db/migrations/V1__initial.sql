-- Drafts: named by a keyed hash of the chat id, sealed under a key that needs the chat id.
CREATE TABLE drafts (
    name       TEXT PRIMARY KEY,
    sealed     BLOB NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX drafts_expiry ON drafts (expires_at);

-- Testimonies: nothing here names a chat. Sealed to the collective key; NULL once withdrawn.
CREATE TABLE testimonies (
    id             TEXT PRIMARY KEY,
    key_id         TEXT,
    schema_version INTEGER NOT NULL,
    sealed         BLOB,
    status         TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    submitted_day  TEXT NOT NULL,
    receipt_hash   TEXT NOT NULL UNIQUE,
    urgent         INTEGER NOT NULL DEFAULT 0,
    decided_day    TEXT
);
CREATE INDEX testimonies_status ON testimonies (status, submitted_day);

-- The last Telegram update whose effects are committed: getUpdates resumes after it.
CREATE TABLE telegram_offset (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_update_id INTEGER NOT NULL
);

-- Append-only, hash-chained audit of what moderators and operators did. No content.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
