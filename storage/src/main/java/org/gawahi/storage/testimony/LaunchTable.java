package org.gawahi.storage.testimony;

import java.sql.PreparedStatement;
import java.util.Objects;

import org.gawahi.storage.db.Database;

/**
 * The table {@code form_launches}: keyed hashes of Mini App launches that already sent a
 * testimony, each with the whole hour (since 1970, UTC) after which its launch data is refused
 * anyway and the row may go. Nothing else: no user, no time finer than the hour.
 */
final class LaunchTable {
    private static final String INSERT = "INSERT OR IGNORE INTO form_launches (launch_hash, expires_hour) VALUES (?, ?)";
    private static final String PURGE = "DELETE FROM form_launches WHERE expires_hour <= ?";

    private final Database db;

    LaunchTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Records the launch; false when it was already recorded (a replay). Joins the caller's transaction. */
    boolean claim(String launchHash, long expiresHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, launchHash);
                s.setLong(2, expiresHour);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Deletes the launches whose hour has passed; how many. */
    int purge(long currentHour) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setLong(1, currentHour);
                return s.executeUpdate();
            }
        });
    }
}
