-- The day (UTC, days since 1970-01-01) of the last committed update: no finer, so it dates no
-- one's use of the bot to the hour. Telegram keeps an update at most 24 hours, so an update that
-- arrives two days after the last commit cannot be one delivered again, whatever its id (after a
-- week without updates Telegram starts the ids again at a random value). Unknown (NULL) for an
-- offset written before this column: then only ids decide, as before.
ALTER TABLE telegram_offset ADD COLUMN committed_day INTEGER
