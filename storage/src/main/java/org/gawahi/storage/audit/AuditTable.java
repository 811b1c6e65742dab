package org.gawahi.storage.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.gawahi.storage.db.Database;

/**
 * The table {@code audit}. Rows are read as stored, strings and all, so that verification
 * hashes exactly what is on disk. There is no statement here to change or delete a row.
 */
final class AuditTable {
    private static final String COLUMNS = "seq, at, actor, action, subject, prev_hash, hash";
    private static final String INSERT = "INSERT INTO audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String LAST = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
    private static final String ALL = "SELECT " + COLUMNS + " FROM audit ORDER BY seq";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?";

    /** A row as stored; {@code subject} is null when there is none, other fields only if tampered with. */
    record Row(long seq, String at, String actor, String action, String subject, String prevHash, String hash) {
    }

    private final Database db;

    AuditTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    void insert(Row row) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setLong(1, row.seq());
                s.setString(2, row.at());
                s.setString(3, row.actor());
                s.setString(4, row.action());
                s.setString(5, row.subject());
                s.setString(6, row.prevHash());
                s.setString(7, row.hash());
                s.executeUpdate();
            }
        });
    }

    Optional<AuditHead> last() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(LAST); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new AuditHead(rs.getLong(1), String.valueOf(rs.getString(2))))
                        : Optional.empty();
            }
        });
    }

    /** Hands every row, in sequence order, to the visitor, without holding them all in memory. */
    void scan(Consumer<Row> visitor) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(ALL); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    visitor.accept(row(rs));
                }
            }
        });
    }

    List<Row> page(long fromSeq, int limit) {
        return db.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(PAGE)) {
                s.setLong(1, fromSeq);
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return rows;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }
}
