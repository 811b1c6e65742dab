package org.gawahi.storage.testimony;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.db.Database;

/**
 * The table {@code decisions_authenticated}: at most one row, written once when the decisions
 * made before they were authenticated were authenticated (see {@link Decisions}), with the
 * MAC that says so and the key it was made under.
 */
final class DecisionMarkTable {
    private static final String SELECT = "SELECT key_id, mac FROM decisions_authenticated WHERE id = 1";
    private static final String UPSERT = "INSERT INTO decisions_authenticated (id, key_id, mac) VALUES (1, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, mac = excluded.mac";

    record Mark(String keyId, byte[] mac) {
        @Override
        public String toString() {
            return "Mark[" + keyId + "]";
        }
    }

    private final Database db;

    DecisionMarkTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    Optional<Mark> read() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Mark(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        });
    }

    void write(Mark mark) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, mark.keyId());
                s.setBytes(2, mark.mac());
                s.executeUpdate();
            }
        });
    }
}
