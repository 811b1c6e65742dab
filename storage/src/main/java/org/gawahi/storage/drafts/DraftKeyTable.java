package org.gawahi.storage.drafts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gawahi.storage.db.Database;

/**
 * The table {@code draft_keys}: each start's run key, sealed to the collective's public key,
 * with the id of that key and an expiry as an hour number (hours since 1970-01-01 UTC).
 */
final class DraftKeyTable {
    private static final String INSERT = "INSERT INTO draft_keys (id, collective_key_id, sealed, expires_hour) "
            + "VALUES (?, ?, ?, ?)";
    private static final String SELECT_LIVE = "SELECT id, collective_key_id, sealed, expires_hour FROM draft_keys "
            + "WHERE expires_hour > ? ORDER BY expires_hour DESC";
    private static final String EXTEND = "UPDATE draft_keys SET expires_hour = ? WHERE id = ? AND expires_hour < ?";
    private static final String PURGE = "DELETE FROM draft_keys WHERE expires_hour <= ? AND id <> ?";
    private static final String COUNT = "SELECT count(*) FROM draft_keys";
    private static final String ALL = "SELECT id, collective_key_id, sealed, expires_hour FROM draft_keys";
    private static final String RESEAL = "UPDATE draft_keys SET collective_key_id = ?, sealed = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM draft_keys WHERE id = ?";
    private static final String DELETE_ALL = "DELETE FROM draft_keys";

    /** A sealed run key as stored. */
    record Row(String id, String collectiveKeyId, byte[] sealed, long expiresHour) {
    }

    private final Database db;

    DraftKeyTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    void insert(Row row) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, row.id());
                s.setString(2, row.collectiveKeyId());
                s.setBytes(3, row.sealed());
                s.setLong(4, row.expiresHour());
                s.executeUpdate();
            }
        });
    }

    /** The keys not yet expired, the latest expiry first. */
    List<Row> live(long nowHour) {
        return db.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_LIVE)) {
                s.setLong(1, nowHour);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4)));
                    }
                }
            }
            return rows;
        });
    }

    /** Moves a key's expiry later (never earlier); writes nothing when it is already that late. */
    void extend(String id, long expiresHour) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(EXTEND)) {
                s.setLong(1, expiresHour);
                s.setString(2, id);
                s.setLong(3, expiresHour);
                s.executeUpdate();
            }
        });
    }

    /** Deletes the expired keys but the one in use, whose expiry the next draft saved moves on. */
    int purgeExpired(long nowHour, String inUse) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setLong(1, nowHour);
                s.setString(2, inUse);
                return s.executeUpdate();
            }
        });
    }

    /** Every sealed run key, expired or not. */
    List<Row> all() {
        return db.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ALL); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4)));
                }
            }
            return rows;
        });
    }

    /** Stores a run key sealed again, to another collective key. */
    void reseal(String id, String collectiveKeyId, byte[] sealed) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(RESEAL)) {
                s.setString(1, collectiveKeyId);
                s.setBytes(2, sealed);
                s.setString(3, id);
                s.executeUpdate();
            }
        });
    }

    void delete(String id) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE)) {
                s.setString(1, id);
                s.executeUpdate();
            }
        });
    }

    /** Deletes every run key; returns how many. */
    int deleteAll() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE_ALL)) {
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
