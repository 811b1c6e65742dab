-- The outbox: what the bot still owes a chat after a commit (her messages to delete, a review
-- screen to expire, a receipt not yet sent), written in the same transaction as the update that
-- caused it. Each entry is sealed to the collective key (chat id, message ids, text inside), bound
-- to its random id; in the clear only the key it is sealed to and a due time to the hour, by which
-- entries older than Telegram's 48 hours are purged unread. No rowid: no insertion order.
CREATE TABLE outbox (
    id       TEXT PRIMARY KEY,
    key_id   TEXT NOT NULL,
    due_hour INTEGER NOT NULL,
    sealed   BLOB NOT NULL
) WITHOUT ROWID;
