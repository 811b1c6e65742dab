package org.gawahi.storage.testimony;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;

import org.gawahi.storage.db.Database;

/**
 * The table {@code form_links}: keyed hashes of the one-time form links not yet used, each with
 * the whole hour (since 1970, UTC) from which it is refused. Nothing else: no token, no time finer
 * than the hour, no mark of use (a used link's row is deleted).
 */
final class LinkTable {
    private static final String INSERT = "INSERT INTO form_links (link_hash, expires_hour) VALUES (?, ?)";
    private static final String VALID = "SELECT 1 FROM form_links WHERE link_hash = ? AND expires_hour > ?";
    private static final String CONSUME = "DELETE FROM form_links WHERE link_hash = ? AND expires_hour > ?";
    private static final String COUNT = "SELECT count(*) FROM form_links WHERE expires_hour > ?";
    private static final String PURGE = "DELETE FROM form_links WHERE expires_hour <= ?";
    private static final String DELETE_ALL = "DELETE FROM form_links";

    private final Database db;

    LinkTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Joins the caller's transaction. */
    void insert(String linkHash, long expiresHour) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, linkHash);
                s.setLong(2, expiresHour);
                return s.executeUpdate();
            }
        });
    }

    /** Whether the link is there and not expired in this hour. */
    boolean valid(String linkHash, long currentHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(VALID)) {
                s.setString(1, linkHash);
                s.setLong(2, currentHour);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Deletes the link if it is there and not expired; false otherwise. Joins the caller's transaction. */
    boolean consume(String linkHash, long currentHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(CONSUME)) {
                s.setString(1, linkHash);
                s.setLong(2, currentHour);
                return s.executeUpdate() == 1;
            }
        });
    }

    int countValid(long currentHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT)) {
                s.setLong(1, currentHour);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    int purge(long currentHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setLong(1, currentHour);
                return s.executeUpdate();
            }
        });
    }

    int deleteAll() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(DELETE_ALL)) {
                return s.executeUpdate();
            }
        });
    }
}
