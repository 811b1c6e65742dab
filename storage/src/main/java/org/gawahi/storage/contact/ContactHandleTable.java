package org.gawahi.storage.contact;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.db.Database;

/**
 * The table {@code contact_handles}: a testimony's id, the sealed handle (her chat id and
 * language) and the key it is sealed to. Nothing in the clear names a chat.
 */
final class ContactHandleTable {
    private static final String INSERT = "INSERT INTO contact_handles (testimony_id, key_id, sealed) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT testimony_id, key_id, sealed FROM contact_handles WHERE testimony_id = ?";
    private static final String DELETE = "DELETE FROM contact_handles WHERE testimony_id = ?";
    private static final String IDS_NOT_SEALED_TO = "SELECT testimony_id FROM contact_handles "
            + "WHERE key_id IS NOT ? ORDER BY testimony_id";
    private static final String COUNT_BY_KEY = "SELECT key_id, count(*) FROM contact_handles GROUP BY key_id";
    private static final String RESEAL = "UPDATE contact_handles SET key_id = ?, sealed = ? "
            + "WHERE testimony_id = ? AND key_id = ?";

    record Row(String testimonyId, String keyId, byte[] sealed) {
        @Override
        public String toString() {
            return "Row[" + testimonyId + ", sealed]";
        }
    }

    private final Database db;

    ContactHandleTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    void insert(Row row) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, row.testimonyId());
                s.setString(2, row.keyId());
                s.setBytes(3, row.sealed());
                s.executeUpdate();
            }
        });
    }

    Optional<Row> find(String testimonyId) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setString(1, testimonyId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    /** True only for the one caller that deleted the row. */
    boolean delete(String testimonyId) {
        return db.updateOne(DELETE, testimonyId);
    }

    List<String> idsNotSealedTo(String keyId) {
        return db.strings(IDS_NOT_SEALED_TO, keyId);
    }

    Map<String, Integer> countByKey() {
        return db.countsByKey(COUNT_BY_KEY);
    }

    boolean reseal(String testimonyId, String oldKeyId, String newKeyId, byte[] sealed) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(RESEAL)) {
                s.setString(1, newKeyId);
                s.setBytes(2, sealed);
                s.setString(3, testimonyId);
                s.setString(4, oldKeyId);
                return s.executeUpdate() == 1;
            }
        });
    }
}
