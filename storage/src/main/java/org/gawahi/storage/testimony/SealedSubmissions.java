package org.gawahi.storage.testimony;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Pseudonyms;
import org.gawahi.storage.crypto.RecordLayout;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.DraftStore;

/**
 * Submissions sealed to the collective's public key (no passphrase needed: an intake-only
 * server takes testimonies it cannot read). Seal, insert and erase the draft happen in one
 * transaction, committed durably before {@link #submit} returns the receipt. After a submission
 * and a withdrawal the WAL is emptied once the outermost transaction commits
 * ({@link Database#checkpointAfterCommit()}).
 */
public final class SealedSubmissions implements Submissions {
    /** The version of the sealed content's format, bound into the associated data. */
    public static final int SCHEMA_VERSION = 1;
    public static final String KIND = "testimony";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final Database db;
    private final TestimonyTable table;
    private final LaunchTable launches;
    private final LinkTable links;
    private final ContactHandles handles;
    private final Sealer sealer;
    private final Pseudonyms pseudonyms;
    private final DraftStore drafts;
    private final SecureRandom random;
    private final Clock clock;

    public SealedSubmissions(Database db, Sealer sealer, Pseudonyms pseudonyms, DraftStore drafts,
                             SecureRandom random, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new TestimonyTable(db);
        this.launches = new LaunchTable(db);
        this.links = new LinkTable(db);
        this.handles = new ContactHandles(db);
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The associated data a testimony row is sealed with ({@link SealedTestimonies} owns the
     * recipe). For tests that forge or pin rows; the main code outside this package never
     * builds it (ArchitectureTest).
     */
    public static byte[] associatedData(String id, int schemaVersion, String keyId) {
        return SealedTestimonies.associatedData(id, schemaVersion, keyId);
    }

    @Override
    public ReceiptCode submit(ChatRef chat, SecretBytes testimony) {
        return submit(chat, testimony, false);
    }

    @Override
    public ReceiptCode submit(ChatRef chat, SecretBytes testimony, boolean urgent) {
        return submit(chat, testimony, Arrival.urgent(urgent));
    }

    /** Stores the testimony and, if she asked for contact through the bot, her sealed handle: both or neither. */
    @Override
    public ReceiptCode submit(ChatRef chat, SecretBytes testimony, Arrival arrival) {
        try {
            return db.inTransaction(c -> {
                String id = randomId();
                byte[] sealed;
                try (SecretBytes content = arrival.urgent() ? markedUrgent(testimony)
                        : SecretBytes.adopt(testimony.bytes())) {
                    sealed = SealedTestimonies.seal(id, SCHEMA_VERSION, content, sealer);
                }
                ReceiptCode receipt = ReceiptCode.random(random);
                table.insert(randomRowid(), new TestimonyTable.Row(id, sealer.keyId(), SCHEMA_VERSION, sealed,
                        TestimonyStatus.PENDING, LocalDate.now(clock), null, null, null, null),
                        pseudonyms.receiptHash(receipt.digits()));
                arrival.contactLanguage().ifPresent(language -> handles.keep(id, chat, language, sealer));
                drafts.erase(chat);
                // The WAL holds her draft's versions and the commit that swaps the draft for the testimony.
                db.checkpointAfterCommit();
                return receipt;
            });
        } catch (StorageException | IllegalStateException e) {
            throw new StorageFailure("the testimony could not be stored", e);
        }
    }

    /**
     * Stores a testimony sealed elsewhere (the form's page, in her browser), as {@link #submit}
     * stores one sealed here: the same columns and values (pending, today's date, a keyed hash of a
     * new receipt, a random rowid), her sealed contact handle when she asked for one, and the
     * launch it came with marked used until its hour is over, all in one transaction; the WAL is
     * checkpointed after it commits. Nothing marks where it came from.
     *
     * @param id             the random id the page bound into the record's associated data (32 lower-case hex digits)
     * @param sealed         the record; must have the layout of one sealed to the current key ({@link RecordLayout})
     * @param launch         the launch it was sent with, as a keyed hash ({@link Pseudonyms#launchHash}) and the
     *                       instant after which the launch data is refused anyway
     * @param author         her chat, kept (sealed) only when {@code contactLanguage} is present
     * @return the receipt, or {@link SealedArrival.Refusal} when the launch was used before or the id is taken
     * @throws IllegalArgumentException when the id or the record is not one (nothing was read into the database)
     * @throws StorageFailure when it could not be stored; nothing was changed
     */
    public SealedArrival storeSealed(String id, byte[] sealed, String launchHash, Instant launchExpires,
                                     ChatRef author, Optional<String> contactLanguage) {
        Objects.requireNonNull(launchHash, "launchHash");
        Objects.requireNonNull(launchExpires, "launchExpires");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(contactLanguage, "contactLanguage");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a testimony id is 32 lower-case hex digits");
        }
        if (!RecordLayout.isSealedTo(sealed, sealer.keyId())) {
            throw new IllegalArgumentException("not a version-1 record sealed to the current key");
        }
        try {
            return db.inTransaction(c -> {
                launches.purge(Math.floorDiv(clock.instant().getEpochSecond(), 3600));
                if (table.find(id).isPresent()) {
                    return SealedArrival.refused(SealedArrival.Refusal.ID_TAKEN);
                }
                long expiresHour = Math.floorDiv(launchExpires.getEpochSecond() + 3599, 3600);
                if (!launches.claim(launchHash, expiresHour)) {
                    return SealedArrival.refused(SealedArrival.Refusal.LAUNCH_USED);
                }
                ReceiptCode receipt = ReceiptCode.random(random);
                table.insert(randomRowid(), new TestimonyTable.Row(id, sealer.keyId(), SCHEMA_VERSION, sealed.clone(),
                        TestimonyStatus.PENDING, LocalDate.now(clock), null, null, null, null),
                        pseudonyms.receiptHash(receipt.digits()));
                contactLanguage.ifPresent(language -> handles.keep(id, author, language, sealer));
                db.checkpointAfterCommit();
                return SealedArrival.stored(receipt);
            });
        } catch (StorageException | IllegalStateException e) {
            throw new StorageFailure("the testimony could not be stored", e);
        }
    }

    /**
     * Stores a testimony sealed in a browser opened with a one-time link ({@link FormLinks}), as
     * {@link #storeSealed} does, and deletes the link in the same transaction: a link sends one
     * testimony, and a second try finds it as gone as one never made. No contact handle: a link
     * has no chat. The WAL is checkpointed after the commit.
     *
     * @param linkHash the link's keyed hash ({@link FormLinks#validHash})
     * @return the receipt, or {@link SealedArrival.Refusal#LINK_INVALID} when the link is used, expired,
     *         revoked or was never made, or {@link SealedArrival.Refusal#ID_TAKEN}; nothing stored then
     * @throws IllegalArgumentException when the id or the record is not one (nothing was read into the database)
     * @throws StorageFailure when it could not be stored; nothing was changed
     */
    public SealedArrival storeSealedByLink(String id, byte[] sealed, String linkHash) {
        Objects.requireNonNull(linkHash, "linkHash");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a testimony id is 32 lower-case hex digits");
        }
        if (!RecordLayout.isSealedTo(sealed, sealer.keyId())) {
            throw new IllegalArgumentException("not a version-1 record sealed to the current key");
        }
        try {
            return db.inTransaction(c -> {
                if (table.find(id).isPresent()) {
                    return SealedArrival.refused(SealedArrival.Refusal.ID_TAKEN);
                }
                if (!links.consume(linkHash, Math.floorDiv(clock.instant().getEpochSecond(), 3600))) {
                    return SealedArrival.refused(SealedArrival.Refusal.LINK_INVALID);
                }
                ReceiptCode receipt = ReceiptCode.random(random);
                table.insert(randomRowid(), new TestimonyTable.Row(id, sealer.keyId(), SCHEMA_VERSION, sealed.clone(),
                        TestimonyStatus.PENDING, LocalDate.now(clock), null, null, null, null),
                        pseudonyms.receiptHash(receipt.digits()));
                db.checkpointAfterCommit();
                return SealedArrival.stored(receipt);
            });
        } catch (StorageException | IllegalStateException e) {
            throw new StorageFailure("the testimony could not be stored", e);
        }
    }

    /** Deletes the used launches whose hour is over; how many. */
    public int purgeLaunches() {
        return launches.purge(Math.floorDiv(clock.instant().getEpochSecond(), 3600));
    }

    @Override
    public Optional<TestimonyStatus> status(ReceiptCode code) {
        return table.statusByReceipt(pseudonyms.receiptHash(code.digits()));
    }

    @Override
    public boolean withdraw(ReceiptCode code) {
        String receiptHash = pseudonyms.receiptHash(code.digits());
        // Not audited: the entry's hour would date her act (see AuditLog); the status says it.
        return db.inTransaction(c -> {
            Optional<String> id = table.idByReceipt(receiptHash);
            boolean withdrawn = table.withdraw(receiptHash);
            if (withdrawn) {
                id.ifPresent(handles::erase);
                db.checkpointAfterCommit(); // the sealed content's pages, overwritten in the file, linger in the WAL
            }
            return withdrawn;
        });
    }

    /**
     * The testimony with its urgency sealed inside it (there is no clear urgent column). Content
     * that is not a testimony's JSON (only tests submit such) is sealed as it is.
     */
    private static SecretBytes markedUrgent(SecretBytes testimony) {
        try {
            return TestimonyContent.fromJson(testimony).withUrgent().toJson();
        } catch (IllegalArgumentException e) {
            return SecretBytes.adopt(testimony.bytes());
        }
    }

    /** A random positive 63-bit rowid: neither the ids nor the rows' order in the file tell the order of arrival. */
    private long randomRowid() {
        long rowid;
        do {
            rowid = random.nextLong() >>> 1;
        } while (rowid == 0);
        return rowid;
    }

    private String randomId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
