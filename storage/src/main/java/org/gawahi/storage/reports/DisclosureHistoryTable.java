package org.gawahi.storage.reports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gawahi.storage.db.Database;

/** The table {@code disclosure_history}: a random id, the key a row is sealed to, the sealed publication. */
final class DisclosureHistoryTable {
    private static final String INSERT = "INSERT INTO disclosure_history (id, key_id, sealed) VALUES (?, ?, ?)";
    private static final String SELECT_ALL = "SELECT id, key_id, sealed FROM disclosure_history ORDER BY id";

    record Row(String id, String keyId, byte[] sealed) {
        @Override
        public String toString() {
            return "Row[" + id + ", sealed]";
        }
    }

    private final Database db;

    DisclosureHistoryTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    void insert(Row row) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, row.id());
                s.setString(2, row.keyId());
                s.setBytes(3, row.sealed());
                s.executeUpdate();
            }
        });
    }

    List<Row> all() {
        return db.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_ALL); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
            return rows;
        });
    }
}
