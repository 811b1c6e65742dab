package org.gawahi.storage.testimony;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.db.Database;

/**
 * The table {@code testimonies}. A row holds a random id, the sealed content and the key it
 * is sealed to, its status, the day (not the time) it arrived, a keyed hash of its receipt,
 * and, once a moderator acted on it, the MAC that authenticates that state ({@link Decisions}).
 * Nothing in it names a chat or a person, and nothing tells the order of arrival: a new row's
 * rowid is random (the caller's), not the next one, so neither the rowids nor the order of
 * rows in the file or in a backup follow submission.
 */
public final class TestimonyTable {
    private static final String COLUMNS = "SELECT id, key_id, schema_version, sealed, status, submitted_day, event_id, "
            + "reject_reason, decided_day, decision FROM testimonies ";
    private static final String INSERT = "INSERT INTO testimonies (rowid, id, key_id, schema_version, sealed, status, "
            + "submitted_day, receipt_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String STATUS_BY_RECEIPT = "SELECT status FROM testimonies WHERE receipt_hash = ?";
    private static final String ID_BY_RECEIPT = "SELECT id FROM testimonies WHERE receipt_hash = ?";
    private static final String WITHDRAW = "UPDATE testimonies SET sealed = NULL, key_id = NULL, status = 'WITHDRAWN' "
            + "WHERE receipt_hash = ? AND status <> 'WITHDRAWN'";
    private static final String SELECT_ONE = COLUMNS + "WHERE id = ?";
    private static final String SELECT_SEALED = COLUMNS + "WHERE sealed IS NOT NULL ORDER BY submitted_day, id";
    private static final String SELECT_PENDING = COLUMNS + "WHERE status = 'PENDING' AND sealed IS NOT NULL "
            + "ORDER BY submitted_day, id";
    private static final String RESEAL = "UPDATE testimonies SET key_id = ?, sealed = ?, decision = ? "
            + "WHERE id = ? AND key_id = ?";
    private static final String SET_DECISION = "UPDATE testimonies SET decision = ? WHERE id = ?";
    private static final String COUNT_DECISIONS = "SELECT count(*) FROM testimonies WHERE decision IS NOT NULL";
    private static final String COUNT = "SELECT count(*) FROM testimonies";
    private static final String COUNT_BY_STATUS = "SELECT status, count(*) FROM testimonies GROUP BY status";
    private static final String SEALED_BY_KEY = "SELECT key_id, count(*) FROM testimonies "
            + "WHERE sealed IS NOT NULL GROUP BY key_id";
    private static final String COUNT_PENDING_BEFORE = "SELECT count(*) FROM testimonies "
            + "WHERE status = 'PENDING' AND submitted_day < ?";
    private static final String DECIDE = "UPDATE testimonies SET status = ?, decided_day = ?, reject_reason = ? "
            + "WHERE id = ? AND status = 'PENDING'";
    private static final String REPLACE_SEALED = "UPDATE testimonies SET key_id = ?, sealed = ? "
            + "WHERE id = ? AND sealed = ? AND status <> 'WITHDRAWN'";
    private static final String LINK_EVENT = "UPDATE testimonies SET event_id = ? WHERE id = ? AND sealed IS NOT NULL";
    private static final String SELECT_APPROVED = COLUMNS + "WHERE status = 'APPROVED' AND sealed IS NOT NULL "
            + "ORDER BY submitted_day, id";
    private static final String REJECTED_BEFORE = "SELECT id FROM testimonies WHERE status = 'REJECTED' "
            + "AND sealed IS NOT NULL AND decided_day < ? ORDER BY id";
    private static final String PURGE = "UPDATE testimonies SET sealed = NULL, key_id = NULL, event_id = NULL "
            + "WHERE id = ? AND status = 'REJECTED' AND sealed IS NOT NULL";
    private static final String EVENT_OF = "SELECT event_id FROM testimonies WHERE id = ?";
    private static final String EVENT_LINKS = "SELECT id, event_id FROM testimonies "
            + "WHERE event_id IS NOT NULL AND sealed IS NOT NULL";
    private static final String IDS_NOT_SEALED_TO = "SELECT id FROM testimonies "
            + "WHERE sealed IS NOT NULL AND key_id IS NOT ? ORDER BY id";

    /**
     * A stored testimony, still sealed, as the disk holds it: nothing here is authenticated
     * but the sealed content; ask {@link Decisions} whether its state may be trusted.
     *
     * @param decidedDay   the day of the last approve or reject, as stored; null when none
     * @param decision     the MAC over this state written by an unlocked Gawahi; null on a row as
     *                     intake made it
     */
    public record Row(String id, String keyId, int schemaVersion, byte[] sealed, TestimonyStatus status,
                      LocalDate submittedDay, String eventId, String rejectReason, String decidedDay,
                      byte[] decision) {
        /** Whether the row still holds sealed content (not withdrawn, not purged). */
        public boolean holdsContent() {
            return sealed != null;
        }

        @Override
        public String toString() {
            return "Row[" + id + ", " + status + ", " + submittedDay + "]";
        }
    }

    private final Database db;

    public TestimonyTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Inserts a row as intake makes it (no decision) at {@code rowid}, a random positive number. */
    /** The database this table is in. */
    public Database database() {
        return db;
    }

    void insert(long rowid, Row row, String receiptHash) {
        if (rowid <= 0) {
            throw new IllegalArgumentException("a rowid is positive");
        }
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setLong(1, rowid);
                s.setString(2, row.id());
                s.setString(3, row.keyId());
                s.setInt(4, row.schemaVersion());
                s.setBytes(5, row.sealed());
                s.setString(6, row.status().name());
                s.setString(7, row.submittedDay().toString());
                s.setString(8, receiptHash);
                s.executeUpdate();
            }
        });
    }

    Optional<TestimonyStatus> statusByReceipt(String receiptHash) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(STATUS_BY_RECEIPT)) {
                s.setString(1, receiptHash);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(TestimonyStatus.valueOf(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    Optional<String> idByReceipt(String receiptHash) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(ID_BY_RECEIPT)) {
                s.setString(1, receiptHash);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Deletes the sealed content, keeping a tombstone; false when nothing was withdrawn. */
    boolean withdraw(String receiptHash) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(WITHDRAW)) {
                s.setString(1, receiptHash);
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<Row> find(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every row that still holds sealed content, oldest first. */
    public List<Row> sealedRows() {
        return rows(SELECT_SEALED);
    }

    /** The ids of pending rows that still hold content, oldest first (urgency is sealed: not by urgency). */
    public List<String> pendingIds() {
        return pendingRows().stream().map(Row::id).toList();
    }

    /** Pending rows that still hold content, oldest first (urgency is sealed: the caller sorts by it). */
    public List<Row> pendingRows() {
        return rows(SELECT_PENDING);
    }

    /**
     * Replaces a row's sealed content with one sealed to another key (key rotation), and its
     * decision MAC with {@code decision} (made for the new state, or kept as it was).
     */
    public boolean reseal(String id, String oldKeyId, String newKeyId, byte[] sealed, byte[] decision) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(RESEAL)) {
                s.setString(1, newKeyId);
                s.setBytes(2, sealed);
                s.setBytes(3, decision);
                s.setString(4, id);
                s.setString(5, oldKeyId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Stores the MAC of a row's state (see {@link Decisions}); null removes it. */
    void setDecision(String id, byte[] decision) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(SET_DECISION)) {
                s.setBytes(1, decision);
                s.setString(2, id);
                s.executeUpdate();
            }
        });
    }

    /** How many rows carry a decision MAC, valid or not. */
    int decisionCount() {
        return countWith(COUNT_DECISIONS, null);
    }

    public int count() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(COUNT); ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** How many testimonies stand in each status (statuses with none are absent). */
    public Map<TestimonyStatus, Integer> countByStatus() {
        return db.inTransaction(c -> {
            Map<TestimonyStatus, Integer> counts = new EnumMap<>(TestimonyStatus.class);
            try (PreparedStatement s = c.prepareStatement(COUNT_BY_STATUS); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(TestimonyStatus.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    /** How many rows still hold content sealed to each key id: a key with none can be deleted. */
    public Map<String, Integer> sealedCountByKey() {
        return db.countsByKey(SEALED_BY_KEY);
    }

    /** The ids of rows whose content is sealed to a key other than {@code keyId} (ids only: rows are large). */
    public List<String> idsNotSealedTo(String keyId) {
        return db.strings(IDS_NOT_SEALED_TO, keyId);
    }


    /** How many testimonies have waited for a decision since before {@code day}. */
    public int pendingSubmittedBefore(LocalDate day) {
        return countWith(COUNT_PENDING_BEFORE, day.toString());
    }

    /**
     * Decides a pending testimony: true only for the one caller that moved it out of
     * PENDING, so of two moderators deciding at once exactly one wins.
     */
    public boolean decide(String id, TestimonyStatus to, LocalDate day, Optional<String> reason) {
        if (to != TestimonyStatus.APPROVED && to != TestimonyStatus.REJECTED) {
            throw new IllegalArgumentException("a decision approves or rejects");
        }
        return db.updateOne(DECIDE, to.name(), day.toString(), reason.orElse(null), id);
    }

    /**
     * Replaces the sealed content (a redaction) if it is still exactly {@code expected}:
     * two redactions at once cannot both apply, and a withdrawn testimony stays withdrawn.
     */
    public boolean replaceSealed(String id, byte[] expected, String keyId, byte[] sealed) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(REPLACE_SEALED)) {
                s.setString(1, keyId);
                s.setBytes(2, sealed);
                s.setString(3, id);
                s.setBytes(4, expected);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Links a testimony to a raid event (replacing an earlier link); false when it holds no content. */
    public boolean linkEvent(String id, String eventId) {
        return db.updateOne(LINK_EVENT, eventId, id);
    }

    public Optional<String> eventOf(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(EVENT_OF)) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every testimony a moderator linked to a raid event, by testimony id: the event's id. */
    public Map<String, String> eventLinks() {
        return db.inTransaction(c -> {
            Map<String, String> links = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(EVENT_LINKS); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    links.put(rs.getString(1), rs.getString(2));
                }
            }
            return links;
        });
    }

    /** Rejected testimonies decided before {@code day} that still hold content: due for purging. */
    public List<String> rejectedBefore(LocalDate day) {
        return db.strings(REJECTED_BEFORE, day.toString());
    }

    /**
     * Deletes a rejected testimony's content (overwritten on disk by secure_delete), keeping
     * the status so its receipt still answers "rejected". False when there was none to purge.
     */
    public boolean purgeRejected(String id) {
        return db.updateOne(PURGE, id);
    }

    /** Approved rows that hold content, oldest first (for the export). */
    public List<Row> approvedRows() {
        return rows(SELECT_APPROVED);
    }

    private List<Row> rows(String sql) {
        return db.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }


    private int countWith(String sql, String parameter) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (parameter != null) {
                    s.setString(1, parameter);
                }
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }


    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBytes(4),
                TestimonyStatus.valueOf(rs.getString(5)), LocalDate.parse(rs.getString(6)), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getBytes(10));
    }
}
