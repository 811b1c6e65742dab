package org.gawahi.storage.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.gawahi.storage.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateOffsetsTest {
    @TempDir
    Path dataDir;

    @Test
    void aCommitKeepsTheUpdateIdAndTheDayNoFiner() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-23T23:59:58Z"), ZoneOffset.UTC);
        try (Database db = Database.open(dataDir)) {
            UpdateOffsets offsets = new UpdateOffsets(db, lateEvening);
            assertThat(offsets.lastCommitted()).isEmpty();
            assertThat(offsets.lastCommittedDay()).isEmpty();

            db.inTransaction(c -> {
                offsets.commit(41);
                return null;
            });

            assertThat(offsets.lastCommitted()).hasValue(41);
            assertThat(offsets.lastCommittedDay()).hasValue(LocalDate.of(2026, 11, 23).toEpochDay());
            assertThat(db.strings("SELECT typeof(committed_day) || ':' || committed_day FROM telegram_offset"))
                    .containsExactly("integer:" + LocalDate.of(2026, 11, 23).toEpochDay());
        }
    }

    @Test
    void anOffsetWrittenBeforeDaysWereKeptHasNoDay() {
        try (Database db = Database.open(dataDir)) {
            UpdateOffsets offsets = new UpdateOffsets(db);
            db.inTransaction(c -> {
                offsets.commit(7);
                return null;
            });
            db.run(c -> c.createStatement().executeUpdate("UPDATE telegram_offset SET committed_day = NULL"));

            assertThat(offsets.lastCommitted()).hasValue(7);
            assertThat(offsets.lastCommittedDay()).isEmpty();
        }
    }
}
