package org.gawahi.storage.drafts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.db.Database;

/**
 * The table {@code drafts}: sealed drafts by row name (a keyed hash of the chat id). Public
 * only for {@link #count()}, which {@code doctor} needs without the server secret.
 */
public final class DraftTable {
    private static final String SELECT = "SELECT sealed FROM drafts WHERE name = ? AND expires_at > ?";
    private static final String UPSERT = "INSERT INTO drafts (name, sealed, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, expires_at = excluded.expires_at";
    private static final String DELETE = "DELETE FROM drafts WHERE name = ?";
    private static final String PURGE = "DELETE FROM drafts WHERE expires_at <= ?";
    private static final String COUNT = "SELECT count(*) FROM drafts";

    private final Database db;

    public DraftTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    Optional<byte[]> find(String name, long nowMillis) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT)) {
                s.setString(1, name);
                s.setLong(2, nowMillis);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    void put(String name, byte[] sealed, long expiresAtMillis) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, name);
                s.setBytes(2, sealed);
                s.setLong(3, expiresAtMillis);
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

    int purgeExpired(long nowMillis) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setLong(1, nowMillis);
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
