package org.gawahi.storage.drafts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.DraftCipher;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys drafts are under: this run's key, made at {@link #start} and held in memory only,
 * and the earlier runs' keys that this start could open.
 *
 * <p>Why in memory: a key that the disk gives (as {@code keys/server.secret} gave before)
 * lets whoever copies the disk open every draft, and every older version of it the WAL still
 * holds, and name the chat behind each draft row. The run key is written only sealed to the
 * collective's public key ({@code draft_keys}), so that a restart with the passphrase (an
 * <em>unlocked</em> start) opens the earlier runs' keys and she carries on where she was. An
 * <em>intake-only</em> start (no passphrase: the default after a reboot) cannot open them, so it
 * erases the earlier runs' drafts and keys at once. It could not honour her quick exit or erase
 * of such a draft either (it cannot name the row), and a later unlocked start would otherwise
 * offer her, or whoever holds her phone, the very draft she left. That is the cost to the
 * respondent, and it is deliberate: the alternative is a disk that opens her drafts.
 *
 * <p>Each sealed key carries an expiry in whole hours that follows the last draft saved under
 * it, and is deleted once expired ({@link #purgeExpired}).
 */
public final class DraftKeys implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DraftKeys.class);

    /** An earlier run's key, opened, with the expiry its row had when opened. */
    private record Earlier(DraftCipher cipher, long expiresHour) {
    }

    private final DraftKeyTable table;
    private final DraftCipher current;
    private final List<Earlier> earlier;

    private DraftKeys(DraftKeyTable table, DraftCipher current, List<Earlier> earlier) {
        this.table = table;
        this.current = current;
        this.earlier = new CopyOnWriteArrayList<>(earlier);
    }

    /**
     * Makes this run's key, stores its sealed copy, and opens the earlier runs' keys not yet
     * expired when an opener is given (an unlocked start); without one (intake-only) it erases
     * the earlier runs' drafts and keys instead.
     */
    public static DraftKeys start(Database db, Sealer sealer, Optional<Opener> opener, SecureRandom random,
                                  Clock clock, Duration timeToLive) {
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(opener, "opener");
        DraftKeyTable table = new DraftKeyTable(db);
        List<Earlier> earlier = new ArrayList<>();
        int unopened = 0;
        if (opener.isEmpty()) {
            eraseEarlierRuns(db, table);
        } else {
            for (DraftKeyTable.Row row : table.live(Hours.now(clock.instant()))) {
                try {
                    earlier.add(new Earlier(DraftCipher.open(row.id(), row.collectiveKeyId(), row.sealed(), opener.get(),
                            random), row.expiresHour()));
                } catch (CannotOpenException e) {
                    unopened++;
                }
            }
        }
        if (unopened > 0) {
            log.info("{} earlier draft keys do not open (damaged, or sealed to a key not unlocked): "
                    + "the drafts under them cannot be resumed and go when they expire", unopened);
        }
        DraftCipher current = DraftCipher.generate(random);
        try {
            table.insert(new DraftKeyTable.Row(current.keyId(), sealer.keyId(), current.sealTo(sealer),
                    Hours.expiry(clock.instant(), timeToLive)));
            db.checkpointAfterCommit(); // a start leaves the WAL empty, whatever a kill left in it
        } catch (RuntimeException e) {
            current.close();
            earlier.forEach(k -> k.cipher().close());
            throw e;
        }
        return new DraftKeys(table, current, earlier);
    }

    /**
     * An intake-only start: the earlier runs' drafts cannot be opened, resumed or erased one by
     * one by this run (it cannot name their rows), so they go now, with their keys, in one
     * transaction (overwritten on disk by {@code secure_delete}; the WAL is emptied right after).
     */
    private static void eraseEarlierRuns(Database db, DraftKeyTable keys) {
        int drafts = db.inTransaction(c -> {
            int erased = new DraftTable(db).deleteAll();
            keys.deleteAll();
            return erased;
        });
        if (drafts > 0) {
            log.info("{} unfinished drafts of earlier runs erased: an intake-only start cannot open them, and a later "
                    + "start must not offer a draft she left or erased", drafts);
        }
    }

    /** What {@link #resealAll} did: run keys sealed to the new key, and those dropped (expired, or did not open). */
    public record Resealed(int resealed, int dropped) {
    }

    /**
     * Key rotation: seals every earlier run's key not yet expired to {@code sealer}'s key, so
     * that drafts begun before the rotation still resume at the next unlocked start once the
     * retired key is deleted. A run key that has expired, or does not open (damaged, or sealed
     * to a key not unlocked), is deleted: its drafts could not be resumed anyway, and keeping
     * it would keep the retired key. Joins the caller's transaction, if any.
     */
    public static Resealed resealAll(Database db, Opener opener, Sealer sealer, SecureRandom random, Clock clock) {
        DraftKeyTable table = new DraftKeyTable(db);
        long now = Hours.now(clock.instant());
        return db.inTransaction(c -> {
            int resealed = 0;
            int dropped = 0;
            for (DraftKeyTable.Row row : table.all()) {
                if (row.collectiveKeyId().equals(sealer.keyId())) {
                    continue;
                }
                if (row.expiresHour() <= now) {
                    table.delete(row.id());
                    dropped++;
                    continue;
                }
                try (DraftCipher key = DraftCipher.open(row.id(), row.collectiveKeyId(), row.sealed(), opener, random)) {
                    table.reseal(row.id(), sealer.keyId(), key.sealTo(sealer));
                    resealed++;
                } catch (CannotOpenException e) {
                    table.delete(row.id());
                    dropped++;
                }
            }
            return new Resealed(resealed, dropped);
        });
    }

    /** This run's key: every draft is saved under it. Public for tests that name a row as the bot does. */
    public DraftCipher current() {
        return current;
    }

    /** The earlier runs' keys this start opened, newest expiry first; searched after the current one. */
    List<DraftCipher> earlier() {
        return earlier.stream().map(Earlier::cipher).toList();
    }

    /** Keeps this run's sealed key at least until {@code expiresHour}, the expiry of a draft just saved. */
    void coverUntil(long expiresHour) {
        table.extend(current.keyId(), expiresHour);
    }

    /** Deletes the expired sealed keys and forgets the expired earlier keys; returns how many rows went. */
    int purgeExpired(long nowHour) {
        for (Earlier k : earlier) {
            if (k.expiresHour() <= nowHour) {
                earlier.remove(k);
                k.cipher().close();
            }
        }
        return table.purgeExpired(nowHour, current.keyId());
    }

    /** Sealed run keys on disk, for tests and counts. */
    int stored() {
        return table.count();
    }

    @Override
    public void close() {
        current.close();
        earlier.forEach(k -> k.cipher().close());
        earlier.clear();
    }

    @Override
    public String toString() {
        return "DraftKeys[REDACTED]";
    }
}
