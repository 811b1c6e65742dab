-- Contact handles: for a testimony whose author asked for one message back through the bot,
-- her chat id and language, sealed to the collective key (read only when unlocked). Deleted
-- (overwritten: secure_delete) when the message is sent, the case is closed, the testimony is
-- withdrawn or its content purged. Nothing here is in the clear but the testimony's id.
CREATE TABLE contact_handles (
    testimony_id TEXT PRIMARY KEY REFERENCES testimonies (id),
    key_id       TEXT NOT NULL,
    sealed       BLOB NOT NULL
);
