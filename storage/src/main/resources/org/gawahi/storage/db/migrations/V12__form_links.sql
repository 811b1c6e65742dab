-- One-time links to the sealed form for people without Telegram (`gawahi links create`). Only a
-- keyed hash of each link's token (HMAC under a key derived from the server secret), never the
-- token, and the whole hour (since 1970, UTC) after which the link is refused. A link that sent
-- its testimony is deleted in the same transaction that stores it, so a used link, an expired one
-- and one never made look the same. No rowid: no order of making.
CREATE TABLE form_links (
    link_hash    TEXT PRIMARY KEY,
    expires_hour INTEGER NOT NULL
) WITHOUT ROWID;
