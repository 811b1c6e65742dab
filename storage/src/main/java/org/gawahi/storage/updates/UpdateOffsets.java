package org.gawahi.storage.updates;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.OptionalLong;

import org.gawahi.storage.db.Database;

/**
 * The table {@code telegram_offset}: the id of the last Telegram update whose effects are
 * committed. Written in the same transaction as those effects, so that after a crash
 * polling resumes exactly after what was applied: nothing twice, nothing lost.
 */
public final class UpdateOffsets {
    private static final String SELECT = "SELECT last_update_id FROM telegram_offset WHERE id = 1";
    private static final String UPSERT = "INSERT INTO telegram_offset (id, last_update_id) VALUES (1, ?) "
            + "ON CONFLICT (id) DO UPDATE SET last_update_id = excluded.last_update_id";

    private final Database db;

    public UpdateOffsets(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public OptionalLong lastCommitted() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT); ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    /** Records the last applied update; call inside the transaction that applied it. */
    public void commit(long updateId) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setLong(1, updateId);
                s.executeUpdate();
            }
        });
    }
}
