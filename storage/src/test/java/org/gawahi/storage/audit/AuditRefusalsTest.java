package org.gawahi.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.gawahi.storage.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused strangers cannot grow the append-only log without bound: one account or many. */
class AuditRefusalsTest {
    @TempDir
    Path dir;
    Database db;
    AuditLog log;
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    @BeforeEach
    void open() {
        db = Database.open(dir);
        log = new AuditLog(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String pseudonym(int i) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) (i >> 8);
        bytes[1] = (byte) i;
        return HexFormat.of().formatHex(bytes);
    }

    private List<AuditEntry> entries() {
        long head = log.head().seq();
        return head == 0 ? List.of() : log.entries(1, (int) head);
    }

    @Test
    void threeThousandPressesOfOneStrangerAddOneEntryAndLaterOneCount() {
        for (int i = 0; i < 3_000; i++) {
            log.refused(pseudonym(1));
            now = now.plusMillis(1);
        }
        assertThat(entries()).extracting(AuditEntry::action).containsExactly(AuditAction.ACCESS_REFUSED);

        now = now.plus(RefusalBudget.WINDOW);
        log.refused(pseudonym(1));

        assertThat(entries()).extracting(AuditEntry::action).containsExactly(AuditAction.ACCESS_REFUSED,
                AuditAction.ACCESS_REFUSED_REPEATED, AuditAction.ACCESS_REFUSED);
        assertThat(entries().get(1).subject()).hasValue(String.format("%016x", 2_999));
        assertThat(entries().get(1).actor()).isEqualTo(pseudonym(1));
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void aThousandStrangersAreHeldToTheHourlyBudgetAndTheRestCountedUnderSystem() {
        for (int i = 0; i < 1_000; i++) {
            log.refused(pseudonym(i));
        }
        assertThat(entries()).hasSize(RefusalBudget.MAX_ENTRIES_PER_WINDOW);

        now = now.plus(RefusalBudget.WINDOW);
        log.refused(pseudonym(5_000));

        List<AuditEntry> entries = entries();
        assertThat(entries).hasSize(RefusalBudget.MAX_ENTRIES_PER_WINDOW + 2);
        AuditEntry summary = entries.get(RefusalBudget.MAX_ENTRIES_PER_WINDOW);
        assertThat(summary.actor()).isEqualTo(AuditLog.SYSTEM);
        assertThat(summary.action()).isEqualTo(AuditAction.ACCESS_REFUSED_REPEATED);
        assertThat(summary.subject()).hasValue(String.format("%016x", 900));
    }

    @Test
    void tenThousandRefusalsOfSevenHundredStrangersOverFiveHoursStayWithinTheBudgetOfEachHour() {
        Instant start = now;
        for (int i = 0; i < 10_000; i++) {
            log.refused(pseudonym(i % 700));
            now = now.plusMillis(1_800);
        }
        long hoursStarted = Duration.between(start, now).toHours() + 1;

        assertThat(log.head().seq()).isLessThanOrEqualTo(hoursStarted * RefusalBudget.MAX_ENTRIES_PER_WINDOW);
        assertThat(log.verify().ok()).isTrue();
    }
}
