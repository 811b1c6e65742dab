package org.gawahi.storage.testimony;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.db.Database;

/**
 * One-time links to the sealed form, for people without Telegram: each a random token of
 * {@value #TOKEN_BYTES} bytes (base64url), good for one testimony until its expiry, rounded up to
 * the whole hour. Only a keyed hash of each token is stored ({@link Pseudonyms#linkHash}): the
 * database alone does not give a link back. A link is used up by
 * {@link SealedSubmissions#storeSealedByLink}, in the transaction that stores its testimony.
 */
public final class FormLinks {
    /** 128 random bits. */
    public static final int TOKEN_BYTES = 16;
    public static final int MAX_AT_ONCE = 1000;
    public static final Duration MAX_VALIDITY = Duration.ofDays(365);

    private final Database db;
    private final LinkTable table;
    private final Pseudonyms pseudonyms;
    private final SecureRandom random;
    private final Clock clock;

    public FormLinks(Database db, Pseudonyms pseudonyms, SecureRandom random, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new LinkTable(db);
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Makes {@code count} links valid for {@code validFor} (rounded up to the hour); their tokens, never stored. */
    public List<String> create(int count, Duration validFor) {
        if (count < 1 || count > MAX_AT_ONCE) {
            throw new IllegalArgumentException("make 1 to " + MAX_AT_ONCE + " links at once");
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("a link is valid for more than nothing and at most a year");
        }
        long expiresHour = Math.floorDiv(clock.instant().plus(validFor).getEpochSecond() + 3599, 3600);
        return db.inTransaction(c -> {
            table.purge(currentHour());
            List<String> tokens = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] raw = new byte[TOKEN_BYTES];
                random.nextBytes(raw);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                table.insert(pseudonyms.linkHash(token).orElseThrow(), expiresHour);
                tokens.add(token);
            }
            return List.copyOf(tokens);
        });
    }

    /**
     * The keyed hash of the link, when it is one that can still send a testimony now; empty for a
     * token never made, used, expired or revoked alike.
     */
    public Optional<String> validHash(String token) {
        return pseudonyms.linkHash(token).filter(hash -> table.valid(hash, currentHour()));
    }

    /** How many links can still send a testimony. */
    public int countValid() {
        return table.countValid(currentHour());
    }

    /** Makes every link unusable; how many could still have been used. */
    public int revokeAll() {
        return db.inTransaction(c -> {
            int valid = table.countValid(currentHour());
            table.deleteAll();
            db.checkpointAfterCommit();
            return valid;
        });
    }

    private long currentHour() {
        return Math.floorDiv(clock.instant().getEpochSecond(), 3600);
    }
}
