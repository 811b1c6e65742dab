package org.gawahi.storage.reports;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.gawahi.config.secret.Secret;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.ServerSecret;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.InMemoryDraftStore;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.testimony.Decisions;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;

/**
 * A data directory with real keys (cheap Argon2 profile) and testimonies sealed the way the
 * bot seals them, for tests and the benchmark. Statuses are set with SQL here, in test code
 * only, and then authenticated as a moderator's decision is.
 */
public final class SealedStore {
    public static final Secret PASSPHRASE = Secret.of("correct horse battery staple");
    private final Path dataDirectory;
    private final Keys keys;

    private SealedStore(Path dataDirectory, Keys keys) {
        this.dataDirectory = dataDirectory;
        this.keys = keys;
    }

    /** Keys (collective and report signing) in a fresh data directory. */
    public static SealedStore create(Path dataDirectory) throws Exception {
        Keys keys = new Keys(dataDirectory, new SecureRandom(), Clock.systemUTC());
        keys.init(PASSPHRASE, Argon2Profile.TEST);
        keys.newSigningKey(PASSPHRASE, Argon2Profile.TEST);
        return new SealedStore(dataDirectory, keys);
    }

    /** The keys already in {@code dataDirectory}, made by {@link #create}. */
    public static SealedStore open(Path dataDirectory) {
        return new SealedStore(dataDirectory, new Keys(dataDirectory, new SecureRandom(), Clock.systemUTC()));
    }

    public Keys keys() {
        return keys;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Seals and stores testimonies in one transaction, arriving on {@code day}, with this
     * status; returns their ids in order.
     */
    public List<String> submit(Database db, List<TestimonyContent> contents, LocalDate day, TestimonyStatus status)
            throws Exception {
        Clock clock = Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (ServerSecret secret = keys.serverSecret(); Pseudonyms pseudonyms = new Pseudonyms(secret)) {
            SealedSubmissions submissions = new SealedSubmissions(db, keys.sealer(), pseudonyms,
                    new InMemoryDraftStore(clock, Duration.ofHours(1)), new SecureRandom(), clock);
            List<String> ids = new java.util.ArrayList<>();
            db.run(c -> {
                for (int i = 0; i < contents.size(); i++) {
                    java.util.Set<String> before = new java.util.HashSet<>(allIds(c));
                    try (var json = contents.get(i).toJson()) {
                        submissions.submit(ChatRef.of(i + 1), json);
                    }
                    List<String> added = new java.util.ArrayList<>(allIds(c));
                    added.removeAll(before);
                    ids.add(added.get(0)); // rowids are random: the new row is the one not there before
                }
                for (String id : ids) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET status = ? WHERE id = ?")) {
                        s.setString(1, status.name());
                        s.setString(2, id);
                        s.executeUpdate();
                    }
                }
            });
            if (status != TestimonyStatus.PENDING) { // as a moderator's decision: authenticated
                try (Opener opener = keys.unlock(PASSPHRASE)) {
                    Decisions decisions = new Decisions(db, opener);
                    for (String id : ids) {
                        decisions.authenticate(id);
                    }
                }
            }
            return ids;
        }
    }

    private static List<String> allIds(java.sql.Connection c) throws java.sql.SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM testimonies"); var rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

}
