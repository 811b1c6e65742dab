package org.gawahi.storage.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.storage.db.Database;

/** What whoever holds the disk can do: plain SQL on the file, the append-only triggers dropped first. */
final class Tamper {
    private Tamper() {
    }

    static void sql(Path dataDir, String... statements) {
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_no_delete");
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recomputes every entry's previous hash and hash from its contents, as a careful forger would. */
    static void rechain(Path dataDir) {
        try (Connection c = connect(dataDir)) {
            List<AuditTable.Row> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, subject FROM audit ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(new AuditTable.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), null, null));
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS audit_no_update");
            }
            String prev = ChainHash.GENESIS;
            try (PreparedStatement u = c.prepareStatement("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (AuditTable.Row r : rows) {
                    String hash = ChainHash.of(r.seq(), r.at(), r.actor(), r.action(), r.subject(), prev);
                    u.setString(1, prev);
                    u.setString(2, hash);
                    u.setLong(3, r.seq());
                    u.executeUpdate();
                    prev = hash;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
    }
}
