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
 * Durable drafts: each row is named by a keyed hash of the chat id and sealed under a key
 * derived from the server secret and the chat id, so the database alone, or a backup of
 * it, opens no draft and names no chat. Drafts expire (24 h by default) and a scheduled
 * {@link #purgeExpired()} deletes them (overwritten on disk by {@code secure_delete}).
 * Every call joins the caller's transaction when there is one.
 */
public final class SealedDraftStore implements DraftStore {
    private static final Logger log = LoggerFactory.getLogger(SealedDraftStore.class);

    private final DraftTable table;
    private final DraftCipher cipher;
    private final Clock clock;
    private final Duration timeToLive;

    public SealedDraftStore(Database db, DraftCipher cipher, Clock clock, Duration timeToLive) {
        this.table = new DraftTable(db);
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    }

    @Override
    public Optional<SecretBytes> load(ChatRef chat) {
        String name = cipher.rowName(chat.id());
        Optional<byte[]> sealed = table.find(name, clock.millis());
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.decrypt(chat.id(), sealed.get()));
        } catch (CannotOpenException e) {
            // A draft sealed under another server secret (restored keys) or damaged on disk:
            // it can never be read, so it goes, and the person starts again.
            log.warn("a draft could not be opened and was removed");
            table.delete(name);
            return Optional.empty();
        }
    }

    @Override
    public void save(ChatRef chat, SecretBytes draft) {
        table.put(cipher.rowName(chat.id()), cipher.encrypt(chat.id(), draft), clock.millis() + timeToLive.toMillis());
    }

    @Override
    public void erase(ChatRef chat) {
        table.delete(cipher.rowName(chat.id()));
    }

    /** Deletes expired drafts; returns how many. */
    public int purgeExpired() {
        return table.purgeExpired(clock.millis());
    }

    public int count() {
        return table.count();
    }
}
