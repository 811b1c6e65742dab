package org.gawahi.storage.outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;

/**
 * What the bot still owes a chat after a commit, kept so that it survives a crash without naming
 * the chat to anyone who has only the disk. Each entry is sealed to the collective's public key
 * (padded to 1 KiB like a testimony) and bound to its own random id ({@value #KIND}, so an entry
 * copied into another row, or presented as another kind of record, does not open); in the clear
 * are only that id, the key id and the hour the entry is due (never finer). Sealing needs only
 * the public key, so an intake-only bot writes entries it cannot read back: they wait for an
 * unlocked start, or are purged unread once Telegram's 48 hours for deleting are over.
 *
 * <p>{@link #put} and {@link #remove} join the caller's transaction, so an entry is written with
 * the update that caused it, or not at all. Removed rows are overwritten ({@code secure_delete}).
 * What an entry says is the caller's business: this class sees opaque bytes.
 */
public final class SealedOutbox {
    static final String KIND = "outbox";
    static final int FORMAT_VERSION = 1;
    /** Telegram lets a bot delete a message for 48 hours: past that, an entry can do nothing. */
    public static final Duration LIFETIME = Duration.ofHours(48);
    private static final HexFormat HEX = HexFormat.of();

    /** One entry, opened; {@code content} is the caller's to wipe. */
    public record Opened(String id, SecretBytes content) {
        @Override
        public String toString() {
            return "Opened[" + id + "]";
        }
    }

    /** Entries opened, and how many could not be (damaged, or sealed to a key not unlocked). */
    public record Opening(List<Opened> entries, int unopened) {
        public Opening {
            entries = List.copyOf(entries);
        }
    }

    private final Database db;
    private final OutboxTable table;
    private final Sealer sealer;
    private final Clock clock;
    private final SecureRandom random;

    public SealedOutbox(Database db, Sealer sealer, Clock clock, SecureRandom random) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new OutboxTable(db);
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    static byte[] associatedData(String id, String keyId) {
        return AssociatedData.of(KIND, id, FORMAT_VERSION, keyId).bytes();
    }

    /** Seals {@code content} into a new entry due at {@code due} (stored to the hour); returns its id. */
    public String put(SecretBytes content, Instant due) {
        Objects.requireNonNull(content, "content");
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String id = HEX.formatHex(raw);
        byte[] sealed = sealer.seal(content, associatedData(id, sealer.keyId()));
        table.insert(new OutboxTable.Row(id, sealer.keyId(), hourOf(due), sealed));
        return id;
    }

    /**
     * Removes entries that are done; unknown ids are ignored. The WAL is emptied after the
     * commit, so that it does not keep the sealed receipts and deletions of a finished chat
     * (frames a later start with the passphrase could still open).
     */
    public void remove(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        table.delete(List.copyOf(ids));
        db.checkpointAfterCommit();
    }

    /**
     * Every entry that opens with {@code opener}. An entry that does not open stays (it may be
     * sealed to a key another start will unlock) until it is purged.
     */
    public Opening openAll(Opener opener) {
        List<Opened> opened = new ArrayList<>();
        int unopened = 0;
        for (OutboxTable.Row row : table.all()) {
            try {
                opened.add(new Opened(row.id(), opener.open(row.sealed(), associatedData(row.id(), row.keyId()))));
            } catch (CannotOpenException e) {
                unopened++;
            }
        }
        return new Opening(opened, unopened);
    }

    /** Deletes, unread, every entry due more than {@link #LIFETIME} ago (counted in whole hours); returns how many. */
    public int purgeExpired() {
        return table.purgeDueBefore(hourOf(clock.instant().minus(LIFETIME)));
    }

    public int count() {
        return table.count();
    }

    /** Hours since the epoch: the only time an entry shows on disk. */
    static long hourOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600);
    }
}
