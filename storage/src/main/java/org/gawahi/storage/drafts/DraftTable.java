package org.gawahi.storage.drafts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.db.Database;

/**
 * The table {@code drafts}: sealed drafts by row name (a keyed hash of the chat id under a
 * run key), with their expiry as an hour number (hours since 1970-01-01 UTC), no finer.
 * Public only for {@link #count()}, which {@code doctor} needs without any key.
 */
public final class DraftTable {
    private static final String SELECT = "SELECT sealed FROM drafts WHERE name = ? AND expires_hour > ?";
    private static final String UPSERT = "INSERT INTO drafts (name, sealed, expires_hour) VALUES (?, ?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, expires_hour = excluded.expires_hour";
    private static final String DELETE = "DELETE FROM drafts WHERE name = ?";
    private static final String PURGE = "DELETE FROM drafts WHERE expires_hour <= ?";
    private static final String COUNT = "SELECT count(*) FROM drafts";
    private static final String DELETE_ALL = "DELETE FROM drafts";

    private final Database db;

    public DraftTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    Optional<byte[]> find(String name, long nowHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setString(1, name);
                s.setLong(2, nowHour);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    void put(String name, byte[] sealed, long expiresHour) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, name);
                s.setBytes(2, sealed);
                s.setLong(3, expiresHour);
                s.executeUpdate();
            }
        });
    }

    void delete(String name) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE)) {
                s.setString(1, name);
                s.executeUpdate();
            }
        });
    }

    int purgeExpired(long nowHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setLong(1, nowHour);
                return s.executeUpdate();
            }
        });
    }

    /** Deletes every draft; returns how many. */
    int deleteAll() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE_ALL)) {
                return s.executeUpdate();
            }
        });
    }

    public int count() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT); ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }
}
