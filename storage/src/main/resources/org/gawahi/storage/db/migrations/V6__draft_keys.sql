-- Drafts under a key held only in memory (a "run key", made at each start), no longer under
-- keys derived from keys/server.secret: with that file, a copy of the disk named the chat behind
-- a draft row and opened every draft. The old drafts go (overwritten: secure_delete); someone
-- half-way through a testimony starts again. Their expiry is now an hour number (hours since
-- 1970-01-01 UTC), no finer, so it does not date her last answer to the millisecond.
DROP INDEX drafts_expiry;
DROP TABLE drafts;
CREATE TABLE drafts (
    name         TEXT PRIMARY KEY,
    sealed       BLOB NOT NULL,
    expires_hour INTEGER NOT NULL
);
CREATE INDEX drafts_expiry ON drafts (expires_hour);
-- One row per start of the bot: its run key sealed to the collective's public key (so only an
-- unlocked start opens it, to resume drafts), the collective key's id, and an expiry in hours
-- that follows the last draft saved under it. Deleted once expired.
CREATE TABLE draft_keys (
    id                TEXT PRIMARY KEY,
    collective_key_id TEXT NOT NULL,
    sealed            BLOB NOT NULL,
    expires_hour      INTEGER NOT NULL
)
