package org.gawahi.storage.roles;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.db.Database;

/**
 * The table {@code roles}: at most one row, the sealed role table, the key it is sealed to,
 * and its MAC (null for a table written before V9).
 */
final class RoleTable {
    private static final String SELECT = "SELECT key_id, sealed, mac FROM roles WHERE id = 1";
    private static final String UPSERT = "INSERT INTO roles (id, key_id, sealed, mac) VALUES (1, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, sealed = excluded.sealed, mac = excluded.mac";

    record Row(String keyId, byte[] sealed, byte[] mac) {
        @Override
        public String toString() {
            return "Row[" + keyId + "]";
        }
    }

    private final Database db;

    RoleTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    Optional<Row> read() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        });
    }

    void write(Row row) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, row.keyId());
                s.setBytes(2, row.sealed());
                s.setBytes(3, row.mac());
                s.executeUpdate();
            }
        });
    }
}
