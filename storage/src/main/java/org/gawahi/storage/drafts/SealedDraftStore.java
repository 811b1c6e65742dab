package org.gawahi.storage.drafts;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.DraftCipher;
import org.gawahi.storage.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable drafts under {@link DraftKeys}: each row is named by a keyed hash of the chat id
 * under this run's key and sealed under a key derived from it and the chat id, padded to a
 * multiple of 1 KiB, with an expiry in whole hours. The run key never touches the disk
 * unsealed, so a copy of the data directory with every key file opens no draft and names no
 * chat, even one already suspected. Drafts expire (24 h by default, rounded up to the hour);
 * a scheduled {@link #purgeExpired()} deletes them (overwritten on disk by {@code secure_delete}).
 *
 * <p>Lookup: under this run's key first, then under each earlier key an unlocked start opened;
 * a draft found under an earlier key is saved again under this run's key and its old row
 * deleted. Erasing deletes the draft under every key and asks for a WAL checkpoint once the
 * transaction commits, so that no earlier version of it stays in {@code gawahi.db-wal}.
 * Every call joins the caller's transaction when there is one.
 */
public final class SealedDraftStore implements DraftStore {
    private static final Logger log = LoggerFactory.getLogger(SealedDraftStore.class);

    private final Database db;
    private final DraftTable table;
    private final DraftKeys keys;
    private final Clock clock;
    private final Duration timeToLive;

    public SealedDraftStore(Database db, DraftKeys keys, Clock clock, Duration timeToLive) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new DraftTable(db);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    }

    @Override
    public Optional<SecretBytes> load(ChatRef chat) {
        long now = Hours.now(clock.instant());
        Optional<SecretBytes> found = loadUnder(keys.current(), chat, now);
        if (found.isPresent()) {
            return found;
        }
        for (DraftCipher earlier : keys.earlier()) {
            String name = earlier.rowName(chat.conversation());
            Optional<SecretBytes> resumed = loadUnder(earlier, chat, now);
            if (resumed.isPresent()) {
                // From now on under this run's key only: the earlier key can then expire with nothing under it.
                db.run(c -> {
                    table.delete(name);
                    save(chat, resumed.get());
                });
                return resumed;
            }
        }
        return Optional.empty();
    }

    private Optional<SecretBytes> loadUnder(DraftCipher cipher, ChatRef chat, long nowHour) {
        String name = cipher.rowName(chat.conversation());
        Optional<byte[]> sealed = table.find(name, nowHour);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.decrypt(chat.conversation(), sealed.get()));
        } catch (CannotOpenException e) {
            // Damaged on disk, or a row copied under this name: it can never be read, so it
            // goes, and the person starts again.
            log.warn("a draft could not be opened and was removed");
            table.delete(name);
            return Optional.empty();
        }
    }

    @Override
    public void save(ChatRef chat, SecretBytes draft) {
        DraftCipher current = keys.current();
        long expires = Hours.expiry(clock.instant(), timeToLive);
        db.run(c -> {
            table.put(current.rowName(chat.conversation()), current.encrypt(chat.conversation(), draft), expires);
            keys.coverUntil(expires);
        });
    }

    @Override
    public void erase(ChatRef chat) {
        db.run(c -> {
            table.delete(keys.current().rowName(chat.conversation()));
            for (DraftCipher earlier : keys.earlier()) {
                table.delete(earlier.rowName(chat.conversation()));
            }
        });
        db.checkpointAfterCommit();
    }

    /**
     * Deletes expired drafts and expired sealed run keys; returns how many drafts. Runs in one
     * transaction, so it never forgets an earlier key while a Telegram batch (which holds the
     * database for its whole transaction) is looking a draft up under it.
     */
    @Override
    public int purgeExpired() {
        long now = Hours.now(clock.instant());
        int[] purged = new int[2];
        db.run(c -> {
            purged[0] = table.purgeExpired(now);
            purged[1] = keys.purgeExpired(now);
        });
        if (purged[0] + purged[1] > 0) {
            db.checkpointAfterCommit();
        }
        return purged[0];
    }

    public int count() {
        return table.count();
    }

    /** Wipes the run keys held in memory. */
    @Override
    public void close() {
        keys.close();
    }
}
