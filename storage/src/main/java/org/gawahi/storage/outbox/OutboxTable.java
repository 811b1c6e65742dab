package org.gawahi.storage.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.gawahi.storage.db.Database;

/**
 * The table {@code outbox}: a random id, the key an entry is sealed to, the hour it is due and
 * the sealed entry. Nothing in the clear names a chat or a message.
 */
final class OutboxTable {
    private static final String INSERT = "INSERT INTO outbox (id, key_id, due_hour, sealed) VALUES (?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT id, key_id, due_hour, sealed FROM outbox ORDER BY id";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ?";
    private static final String PURGE = "DELETE FROM outbox WHERE due_hour < ?";
    private static final String COUNT = "SELECT count(*) FROM outbox";

    record Row(String id, String keyId, long dueHour, byte[] sealed) {
        @Override
        public String toString() {
            return "Row[" + id + ", sealed]";
        }
    }

    private final Database db;

    OutboxTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    void insert(Row row) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, row.id());
                s.setString(2, row.keyId());
                s.setLong(3, row.dueHour());
                s.setBytes(4, row.sealed());
                s.executeUpdate();
            }
        });
    }

    List<Row> all() {
        return db.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_ALL); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)));
                }
            }
            return rows;
        });
    }

    void delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE)) {
                for (String id : ids) {
                    s.setString(1, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    int purgeDueBefore(long hour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setLong(1, hour);
                return s.executeUpdate();
            }
        });
    }

    int count() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT); ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }
}
