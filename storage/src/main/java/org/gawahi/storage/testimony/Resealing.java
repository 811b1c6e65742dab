package org.gawahi.storage.testimony;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.db.Database;

/**
 * The second half of a key rotation: every testimony still sealed to an older key is opened
 * and sealed again to the active one, its associated data now naming the new key. Rows are
 * re-sealed in small transactions, so an interrupted pass loses nothing: a row is either
 * still sealed to its old key (which is still on disk) or already to the new one, and a
 * second pass finishes the job.
 *
 * <p>A row that does not open (damaged, or sealed to a key that is no longer unlocked) is
 * left as it is, counted and named by id in {@link Outcome#failedIds()}; its key id stays in
 * {@link Outcome#keyIdsInUse()}, so the caller keeps that key. The pass goes on with the rest.
 *
 * <p>A row whose decision MAC verified gets one for its new state, under the new key
 * ({@link Decisions}); a row whose state did not verify keeps its MAC as it was, so re-sealing
 * never turns a forged state into a trusted one. The mark that earlier decisions were
 * authenticated is made again under the new key too.
 */
public final class Resealing {
    private static final int ROWS_PER_TRANSACTION = 64;

    /** How a pass went. {@code keyIdsInUse}: every key some row is still sealed to, with its count. */
    public record Outcome(int resealed, int failed, Map<String, Integer> keyIdsInUse, List<String> failedIds) {
        public Outcome {
            keyIdsInUse = Map.copyOf(keyIdsInUse);
            failedIds = List.copyOf(failedIds);
        }
    }

    /** Told after each row; {@code done} runs from 1 to {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final Database db;
    private final TestimonyTable table;

    public Resealing(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = new TestimonyTable(db);
    }

    /** How many rows a pass would re-seal to {@code sealer}'s key now. */
    public int pending(Sealer sealer) {
        return table.idsNotSealedTo(sealer.keyId()).size();
    }

    /** Re-seals every row not yet sealed to {@code sealer}'s key, with {@code opener}'s keys. */
    public Outcome resealAll(Opener opener, Sealer sealer, Progress progress) {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(progress, "progress");
        List<String> ids = table.idsNotSealedTo(sealer.keyId());
        Decisions decisions = new Decisions(db, opener);
        List<String> failedIds = new java.util.ArrayList<>();
        int[] resealed = {0};
        for (int from = 0; from < ids.size(); from += ROWS_PER_TRANSACTION) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_TRANSACTION));
            int start = from;
            db.run(c -> {
                for (int i = 0; i < batch.size(); i++) {
                    if (reseal(batch.get(i), opener, sealer, decisions)) {
                        resealed[0]++;
                    } else {
                        failedIds.add(batch.get(i));
                    }
                    progress.update(start + i + 1, ids.size());
                }
            });
        }
        decisions.remark(sealer.keyId());
        return new Outcome(resealed[0], failedIds.size(), table.sealedCountByKey(), failedIds);
    }

    /** False when the row did not open; a row withdrawn meanwhile counts as done. */
    private boolean reseal(String id, Opener opener, Sealer sealer, Decisions decisions) {
        Optional<TestimonyTable.Row> found = table.find(id);
        if (found.isEmpty() || found.get().sealed() == null) {
            return true;
        }
        TestimonyTable.Row row = found.get();
        try (SecretBytes plaintext = SealedTestimonies.openPlain(row, opener)) {
            byte[] sealed = SealedTestimonies.seal(row.id(), row.schemaVersion(), plaintext, sealer);
            byte[] decision = row.decision();
            if (decisions.verdict(row) == Decisions.Verdict.AUTHENTIC) {
                decision = decisions.macOf(new TestimonyTable.Row(row.id(), sealer.keyId(), row.schemaVersion(), sealed,
                        row.status(), row.submittedDay(), row.eventId(), row.rejectReason(), row.decidedDay(), null));
            }
            table.reseal(row.id(), row.keyId(), sealer.keyId(), sealed, decision);
            return true;
        } catch (CannotOpenException e) {
            return false;
        }
    }
}
