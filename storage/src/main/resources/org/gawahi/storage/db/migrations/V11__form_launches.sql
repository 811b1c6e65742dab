-- Mini App launches that already sent a testimony through the sealed form, so that the same
-- launch data replayed (within its hour, also after a restart) is refused. Only a keyed hash of
-- the launch (HMAC under a key derived from the server secret), never the Telegram user id or the
-- launch data, and the hour after which the launch data is refused anyway, when the row is
-- purged. No rowid: no insertion order.
CREATE TABLE form_launches (
    launch_hash  TEXT PRIMARY KEY,
    expires_hour INTEGER NOT NULL
) WITHOUT ROWID;
