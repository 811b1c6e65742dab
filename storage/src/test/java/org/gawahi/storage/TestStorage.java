package org.gawahi.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.secret.Secret;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.DraftCipher;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.ServerSecret;
import org.gawahi.storage.crypto.VaultException;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.DraftKeys;
import org.gawahi.storage.drafts.SealedDraftStore;
import org.gawahi.storage.testimony.SealedSubmissions;

/**
 * The sealed storage as the bot wires it, on a real data directory: keys made with the cheap
 * TEST Argon2 profile, the SQLite file, sealed drafts and sealed submissions. For tests of
 * storage and of whatever drives it (the engine, the crash child). {@link #create} starts
 * intake-only, as the bot does after a reboot (earlier runs' drafts are out of reach);
 * {@link #createUnlocked} starts with the passphrase (earlier runs' drafts resume).
 */
public final class TestStorage implements AutoCloseable {
    public static final Secret PASSPHRASE = Secret.of("a test passphrase, never a real one");
    public static final Duration DRAFT_TTL = Duration.ofHours(24);
    public static final SecureRandom RANDOM = new SecureRandom();

    public final Path dataDir;
    public final Clock clock;
    public final Keys keys;
    public final Database db;
    /** This run's draft key, to name a row as the store does. */
    public final DraftCipher cipher;
    private final DraftKeys draftKeys;
    public final Pseudonyms pseudonyms;
    public final SealedDraftStore drafts;
    public final SealedSubmissions submissions;

    private TestStorage(Path dataDir, Clock clock, boolean unlocked) throws VaultException {
        this.dataDir = dataDir;
        this.clock = clock;
        this.keys = new Keys(dataDir, RANDOM, clock);
        this.db = Database.open(dataDir);
        try (ServerSecret secret = keys.serverSecret()) {
            this.pseudonyms = new Pseudonyms(secret);
        }
        Optional<Opener> opener = unlocked ? Optional.of(keys.unlock(PASSPHRASE)) : Optional.empty();
        try {
            this.draftKeys = DraftKeys.start(db, keys.sealer(), opener, RANDOM, clock, DRAFT_TTL);
        } finally {
            opener.ifPresent(Opener::close);
        }
        this.cipher = draftKeys.current();
        this.drafts = new SealedDraftStore(db, draftKeys, clock, DRAFT_TTL);
        this.submissions = new SealedSubmissions(db, keys.sealer(), pseudonyms, drafts, RANDOM, clock);
    }

    /** Creates keys in {@code dataDir} when it has none yet, then opens the storage there. */
    public static TestStorage create(Path dataDir, Clock clock) throws Exception {
        return create(dataDir, clock, false);
    }

    /** Like {@link #create(Path, Clock)}, but started with the passphrase: earlier runs' drafts resume. */
    public static TestStorage createUnlocked(Path dataDir, Clock clock) throws Exception {
        return create(dataDir, clock, true);
    }

    private static TestStorage create(Path dataDir, Clock clock, boolean unlocked) throws Exception {
        Objects.requireNonNull(dataDir, "dataDir");
        Files.createDirectories(dataDir);
        Keys keys = new Keys(dataDir, RANDOM, clock);
        if (keys.state().collectiveKeys().isEmpty()) {
            keys.init(PASSPHRASE, Argon2Profile.TEST);
        }
        return new TestStorage(dataDir, clock, unlocked);
    }

    public static TestStorage create(Path dataDir) throws Exception {
        return create(dataDir, Clock.systemUTC());
    }

    /** An opener with every collective key; close it. */
    public Opener unlock() throws VaultException {
        return keys.unlock(PASSPHRASE);
    }

    @Override
    public void close() {
        drafts.close();
        pseudonyms.close();
        db.close();
    }
}
