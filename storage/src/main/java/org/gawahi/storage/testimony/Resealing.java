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
 * left as it is and counted; its key id stays in {@link Outcome#keyIdsInUse()}, so the caller
 * keeps that key.
 */
public final class Resealing {
    private static final int ROWS_PER_TRANSACTION = 64;

    /** How a pass went. {@code keyIdsInUse}: every key some row is still sealed to, with its count. */
    public record Outcome(int resealed, int failed, Map<String, Integer> keyIdsInUse) {
        public Outcome {
            keyIdsInUse = Map.copyOf(keyIdsInUse);
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
        int[] resealed = {0};
        int[] failed = {0};
        for (int from = 0; from < ids.size(); from += ROWS_PER_TRANSACTION) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_TRANSACTION));
            int start = from;
            db.run(c -> {
                for (int i = 0; i < batch.size(); i++) {
                    if (reseal(batch.get(i), opener, sealer)) {
                        resealed[0]++;
                    } else {
                        failed[0]++;
                    }
                    progress.update(start + i + 1, ids.size());
                }
            });
        }
        return new Outcome(resealed[0], failed[0], table.sealedCountByKey());
    }

    /** False when the row did not open; a row withdrawn meanwhile counts as done. */
    private boolean reseal(String id, Opener opener, Sealer sealer) {
        Optional<TestimonyTable.Row> found = table.find(id);
        if (found.isEmpty() || found.get().sealed() == null) {
            return true;
        }
        TestimonyTable.Row row = found.get();
        byte[] oldAd = SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId());
        try (SecretBytes plaintext = opener.open(row.sealed(), oldAd)) {
            byte[] sealed = sealer.seal(plaintext,
                    SealedSubmissions.associatedData(row.id(), row.schemaVersion(), sealer.keyId()));
            table.reseal(row.id(), row.keyId(), sealer.keyId(), sealed);
            return true;
        } catch (CannotOpenException e) {
            return false;
        }
    }
}
