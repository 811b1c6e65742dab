package org.gawahi.storage.updates;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.OptionalLong;

import org.gawahi.storage.db.Database;

/**
 * The table {@code telegram_offset}: the id of the last Telegram update whose effects are
 * committed. Written in the same transaction as those effects, so that after a crash
 * polling resumes exactly after what was applied: nothing twice, nothing lost.
 */
public final class UpdateOffsets {
    private static final String SELECT = "SELECT last_update_id FROM telegram_offset WHERE id = 1";
    private static final String SELECT_DAY = "SELECT committed_day FROM telegram_offset WHERE id = 1";
    private static final String UPSERT = "INSERT INTO telegram_offset (id, last_update_id, committed_day) VALUES (1, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET last_update_id = excluded.last_update_id, "
            + "committed_day = excluded.committed_day";

    private final Database db;
    private final Clock clock;

    public UpdateOffsets(Database db) {
        this(db, Clock.systemUTC());
    }

    public UpdateOffsets(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Today, as {@link #commit} records it: UTC days since 1970-01-01. */
    public long today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
    }

    /** The day of the last commit ({@link #today()}'s count); empty when none, or written before days were kept. */
    public OptionalLong lastCommittedDay() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT_DAY); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return OptionalLong.empty();
                }
                long day = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(day);
            }
        });
    }

    public OptionalLong lastCommitted() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT); ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    /** Records the last applied update, and today; call inside the transaction that applied it. */
    public void commit(long updateId) {
        long day = today();
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setLong(1, updateId);
                s.setLong(2, day);
                s.executeUpdate();
            }
        });
    }
}
