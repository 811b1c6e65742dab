package org.gawahi.storage.testimony;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.AssociatedData;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;

/**
 * The one owner of sealed testimonies once they are stored, over SQLite ({@link Testimonies}): it opens a row by its id with the
 * opener, replaces a row's content only if it is unchanged since it was opened, hands the
 * approved ones to reports, and re-seals them all for a key rotation. The associated data a
 * testimony is sealed with (its id, format version and key id, of kind {@value SealedSubmissions#KIND})
 * is made here and nowhere else; callers never build it, and never handle a ciphertext:
 * a {@link TestimonyTable.Row} they get is only passed back. New testimonies are sealed on
 * write by {@link SealedSubmissions}, through this recipe. Thread-safe; every call joins the
 * unit of work of the calling thread.
 */
public final class SealedTestimonies implements Testimonies {
    private final Database db;
    private final TestimonyTable table;

    public SealedTestimonies(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new TestimonyTable(db);
    }

    /** The associated data a testimony row is sealed with: the one recipe, on disk since the first release. */
    static byte[] associatedData(String id, int schemaVersion, String keyId) {
        return AssociatedData.of(SealedSubmissions.KIND, id, schemaVersion, keyId).bytes();
    }

    /** Seals a testimony's content for the row {@code id} to {@code sealer}'s key. */
    static byte[] seal(String id, int schemaVersion, SecretBytes content, Sealer sealer) {
        return sealer.seal(content, associatedData(id, schemaVersion, sealer.keyId()));
    }

    /** Opens a row's content as sealed for it; a row whose sealed bytes were moved from another row does not open. */
    static SecretBytes openPlain(TestimonyTable.Row row, Opener opener) throws CannotOpenException {
        return opener.open(row.sealed(), associatedData(row.id(), row.schemaVersion(), row.keyId()));
    }

    @Override
    public Optional<TestimonyTable.Row> find(String id) {
        return table.find(id);
    }

    @Override
    public TestimonyContent open(TestimonyTable.Row row, Opener opener) throws CannotOpenException {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(opener, "opener");
        if (!row.holdsContent()) {
            throw new IllegalStateException("the testimony holds no content");
        }
        try (SecretBytes plain = openPlain(row, opener)) {
            return TestimonyContent.fromJson(plain);
        }
    }

    @Override
    public boolean replaceIfUnchanged(TestimonyTable.Row opened, TestimonyContent changed, Sealer sealer) {
        Objects.requireNonNull(opened, "opened");
        byte[] sealed;
        try (SecretBytes plain = changed.toJson()) {
            sealed = seal(opened.id(), opened.schemaVersion(), plain, sealer);
        }
        return table.replaceSealed(opened.id(), opened.sealed(), sealer.keyId(), sealed);
    }

    @Override
    public Decisions decisions(Opener opener) {
        return new Decisions(db, opener);
    }

    @Override
    public List<TestimonyTable.Row> sealed() {
        return table.sealedRows();
    }

    @Override
    public List<TestimonyTable.Row> pending() {
        return table.pendingRows();
    }

    @Override
    public List<TestimonyTable.Row> approved() {
        return table.approvedRows();
    }

    @Override
    public Map<TestimonyStatus, Integer> countByStatus() {
        return table.countByStatus();
    }

    @Override
    public boolean decide(String id, TestimonyStatus to, LocalDate day, Optional<String> reason) {
        return table.decide(id, to, day, reason);
    }

    @Override
    public boolean linkEvent(String id, String eventId) {
        return table.linkEvent(id, eventId);
    }

    @Override
    public Map<String, String> eventLinks() {
        return table.eventLinks();
    }

    @Override
    public List<String> rejectedBefore(LocalDate day) {
        return table.rejectedBefore(day);
    }

    @Override
    public boolean purgeRejected(String id) {
        return table.purgeRejected(id);
    }

    @Override
    public Resealing.Outcome resealAll(Opener opener, Sealer sealer, Resealing.Progress progress) {
        return new Resealing(db).resealAll(opener, sealer, progress);
    }
}
