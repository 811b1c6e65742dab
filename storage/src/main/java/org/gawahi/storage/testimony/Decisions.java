package org.gawahi.storage.testimony;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.Database;

/**
 * Moderators' decisions, authenticated. Whoever holds the disk can change any clear column
 * with plain SQL (turn a pending row approved, an approved one withdrawn) and can insert a
 * row sealed to the collective's public key, which anyone can do. So every state a moderator
 * makes (approve, reject, redact, flag urgent, link to an event) is bound to its row by an
 * HMAC-SHA256 under a key derived from the private key the row is sealed to
 * ({@link Opener#authenticate}): the disk, with every key file but no passphrase, cannot
 * compute it. The MAC covers the row's id, status, the SHA-256 of its sealed content, the
 * key it is sealed to, its schema version, its submission day, its event link, its reject
 * reason, its decision day, and the version of this format ({@link #LABEL}).
 *
 * <p>A row's state is trusted when its MAC verifies, or when it is exactly as intake makes
 * it: pending, no event, no reason, no decision day, no MAC. Intake needs no MAC: anyone can
 * submit through the bot, so a pending row forged on the disk is no more than a submission,
 * and a moderator reads it before it counts. A MAC derived from the private key rather than a
 * random key sealed to the collective: a record sealed to the public key is secret but not
 * authentic (anyone can seal a replacement holding a key of his own), a derived key cannot be
 * replaced. A key rotation re-seals every row and so makes its MAC again ({@link Resealing}).
 *
 * <p>Withdrawal is not authenticated. It happens in intake-only mode, at the respondent's
 * request with her receipt, where no MAC key exists; and it deletes the content, leaving a
 * row nothing counts or shows. Forging it (setting {@code WITHDRAWN} and clearing the content)
 * destroys a testimony, which whoever holds the disk can do anyway by deleting the row; it
 * cannot make anything count. A row marked withdrawn that still holds content has no MAC for
 * that state and is reported like any other forged state. Likewise a rejected row whose
 * content retention purged holds nothing to trust.
 *
 * <p>What this does not catch: an older authenticated state of the same row put back from an
 * earlier copy (say, the row before a redaction, with its MAC), and a row deleted outright.
 * What reads the clear status without keys is not protected either, by nature: the answer to
 * her receipt ({@code /status}, intake-only), and the retention pass, which purges the content of
 * rows marked rejected long enough ago (a forged rejection so destroys a testimony, as deleting
 * the row would).
 */
public final class Decisions {
    /** What the MAC is over, and its format's version. */
    static final String LABEL = "gawahi/testimony-decision/v1";
    private static final String MARK_LABEL = "gawahi/decisions-authenticated/v1";

    /** What a row's stored state is worth. */
    public enum Verdict {
        /** As intake made it: pending, nothing decided. Trusted. */
        INTAKE,
        /** Its MAC verifies: a moderator made this state. Trusted. */
        AUTHENTIC,
        /** Decided, linked or changed without a MAC that verifies: made outside Gawahi. */
        NOT_AUTHENTIC,
        /** No content left (withdrawn, or purged after rejection): nothing to trust or count. */
        NO_CONTENT;

        public boolean trusted() {
            return this == INTAKE || this == AUTHENTIC;
        }
    }

    /** The state of the one-time authentication of decisions made before this existed. */
    public enum Upgrade {
        /** Done before: the mark verifies. */
        DONE,
        /** Done now, by this call. */
        DONE_NOW,
        /** Not done yet: the next unlocked run does it. */
        TO_DO,
        /** The mark is there but does not verify: nothing was authenticated. */
        MARK_DOES_NOT_VERIFY,
        /** No mark, but rows already carry MACs: the mark was deleted; nothing was authenticated. */
        MARK_MISSING
    }

    /** @param authenticated rows authenticated by this call; {@code notOpened} rows left out as sealed to a key not unlocked */
    public record UpgradeOutcome(Upgrade upgrade, int authenticated, int notOpened) {
    }

    private final TestimonyTable table;
    private final DecisionMarkTable marks;
    private final Opener opener;
    private final Database db;

    public Decisions(Database db, Opener opener) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new TestimonyTable(db);
        this.marks = new DecisionMarkTable(db);
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    public Verdict verdict(TestimonyTable.Row row) {
        if (row.sealed() == null) {
            return Verdict.NO_CONTENT;
        }
        if (row.decision() == null) {
            return isIntake(row) ? Verdict.INTAKE : Verdict.NOT_AUTHENTIC;
        }
        return opener.verifies(row.keyId(), LABEL, fields(row), row.decision()) ? Verdict.AUTHENTIC
                : Verdict.NOT_AUTHENTIC;
    }

    public boolean trusted(TestimonyTable.Row row) {
        return verdict(row).trusted();
    }

    /**
     * Authenticates the row's state as it stands now, in the caller's transaction: call it
     * right after a moderator's change, in the same transaction, and only on a row whose state
     * was trusted before the change. A row without content is left alone. If the one-time
     * authentication of earlier decisions has not run yet, it runs first.
     *
     * @throws CannotOpenException when the row is sealed to a key that is not unlocked
     */
    public void authenticate(String id) throws CannotOpenException {
        Optional<TestimonyTable.Row> row = table.find(id);
        if (row.isEmpty() || row.get().sealed() == null) {
            return;
        }
        byte[] mac = macOf(row.get());
        if (upgradeState() == Upgrade.TO_DO) { // the first unlocked run acts before it was started as one
            authenticateEarlierDecisions(row.get().keyId());
        }
        table.setDecision(id, mac);
    }

    /** The MAC of this state, sealed to the key it names (for a row re-sealed, its new state). */
    byte[] macOf(TestimonyTable.Row row) throws CannotOpenException {
        return opener.authenticate(row.keyId(), LABEL, fields(row));
    }

    /**
     * Once, on the first unlocked run after the upgrade that brought authenticated decisions:
     * authenticates every decided row that has no MAC yet, as the disk holds it at that
     * moment, and writes a mark (with its own MAC) that it was done. This trusts the disk
     * once; a forgery made before then is authenticated with the rest. Afterwards it never
     * runs again: not when the mark verifies, and not when the mark is missing or does not
     * verify while rows carry MACs (someone deleted or changed it to have the disk trusted
     * again). Both of those are left to {@code doctor} to report.
     *
     * @param activeKeyId the active key, to make the mark under
     */
    public UpgradeOutcome authenticateEarlierDecisions(String activeKeyId) {
        return db.inTransaction(c -> {
            Upgrade state = upgradeState();
            if (state != Upgrade.TO_DO) {
                return new UpgradeOutcome(state, 0, 0);
            }
            int authenticated = 0;
            int notOpened = 0;
            for (TestimonyTable.Row row : table.sealedRows()) {
                if (row.decision() != null || isIntake(row)) {
                    continue;
                }
                try {
                    table.setDecision(row.id(), macOf(row));
                    authenticated++;
                } catch (CannotOpenException e) {
                    notOpened++;
                }
            }
            writeMark(activeKeyId);
            return new UpgradeOutcome(Upgrade.DONE_NOW, authenticated, notOpened);
        });
    }

    /** Where the one-time authentication stands (never {@link Upgrade#DONE_NOW}). */
    public Upgrade upgradeState() {
        Optional<DecisionMarkTable.Mark> mark = marks.read();
        if (mark.isPresent()) {
            return opener.verifies(mark.get().keyId(), MARK_LABEL, List.of(mark.get().keyId()), mark.get().mac())
                    ? Upgrade.DONE : Upgrade.MARK_DOES_NOT_VERIFY;
        }
        return table.decisionCount() > 0 ? Upgrade.MARK_MISSING : Upgrade.TO_DO;
    }

    /** Makes the mark again under {@code activeKeyId} if it verifies now (key rotation); false if it does not. */
    public boolean remark(String activeKeyId) {
        if (upgradeState() != Upgrade.DONE) {
            return false;
        }
        writeMark(activeKeyId);
        return true;
    }

    private void writeMark(String keyId) {
        try {
            marks.write(new DecisionMarkTable.Mark(keyId, opener.authenticate(keyId, MARK_LABEL, List.of(keyId))));
        } catch (CannotOpenException e) {
            throw new IllegalStateException("the active key is not unlocked", e);
        }
    }

    private static boolean isIntake(TestimonyTable.Row row) {
        return row.status() == TestimonyStatus.PENDING && row.eventId() == null && row.rejectReason() == null
                && row.decidedDay() == null;
    }

    static List<String> fields(TestimonyTable.Row row) {
        return Arrays.asList(row.id(), row.status().name(), sha256(row.sealed()), row.keyId(),
                Integer.toString(row.schemaVersion()), row.submittedDay().toString(), row.eventId(),
                row.rejectReason(), row.decidedDay());
    }

    private static String sha256(byte[] sealed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
