package org.gawahi.bot.moderation;

import org.gawahi.bot.wiring.StorePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditEntry;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.contact.ContactHandles;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    static final Clock DECIDED = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Clock daysLater(int days) {
        return Clock.fixed(Instant.parse("2026-01-10T09:00:00Z").plusSeconds(days * 86_400L), ZoneOffset.UTC);
    }

    @Test
    void rejectedContentIsPurgedAfterThirtyDaysAndTheReceiptStillAnswers() throws Exception {
        try (TestStorage storage = TestStorage.create(dir, DECIDED); Opener opener = storage.unlock()) {
            ReceiptCode rejected = storage.submissions.submit(ChatRef.of(1),
                    new TestimonyContent("raid", 1, "en", Map.of(), Map.of("q29", "no")).toJson());
            ReceiptCode other = storage.submissions.submit(ChatRef.of(2),
                    new TestimonyContent("raid", 1, "en", Map.of(), Map.of()).toJson());
            TestimonyTable table = new TestimonyTable(storage.db);
            String rejectedId = table.pendingIds().get(0);
            String approvedId = table.pendingIds().get(1);
            Review review = StorePorts.review(storage.db, opener, storage.keys.sealer(), DECIDED, TestStorage.RANDOM);
            review.reject(AuditLog.OPERATOR, rejectedId, RejectReason.NOT_A_RAID);
            review.approve(AuditLog.OPERATOR, approvedId);
            byte[] sealed = table.find(rejectedId).orElseThrow().sealed();

            assertThat(StorePorts.retention(storage.db, daysLater(30), Retention.DEFAULT_KEEP_REJECTED).run()).isZero();
            assertThat(StorePorts.retention(storage.db, daysLater(31), Retention.DEFAULT_KEEP_REJECTED).run()).isEqualTo(1);

            assertThat(table.find(rejectedId).orElseThrow().sealed()).isNull();
            assertThat(table.find(approvedId).orElseThrow().sealed()).isNotNull();
            assertThat(java.util.List.of(storage.submissions.status(rejected).orElseThrow(),
                    storage.submissions.status(other).orElseThrow()))
                    .containsExactlyInAnyOrder(TestimonyStatus.REJECTED, TestimonyStatus.APPROVED);
            assertThat(new AuditLog(storage.db, DECIDED).entries(1, 10)).last()
                    .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.TESTIMONY_PURGED))
                    .satisfies(e -> assertThat(e.actor()).isEqualTo(AuditLog.SYSTEM))
                    .extracting(AuditEntry::subject).isEqualTo(Optional.of(rejectedId));
            byte[] piece = java.util.Arrays.copyOfRange(sealed, sealed.length - 200, sealed.length - 100);
            for (Path file : LeakScan.filesUnder(dir)) {
                assertThat(LeakScan.indexOf(LeakScan.read(file), piece)).as(file.toString()).isEqualTo(-1);
            }
            assertThat(StorePorts.retention(storage.db, daysLater(40), Retention.DEFAULT_KEEP_REJECTED).run()).isZero();
        }
    }

    @Test
    void aRejectionKeepsTheWayToHerAndThePurgeErasesItAudited() throws Exception {
        try (TestStorage storage = TestStorage.create(dir, DECIDED); Opener opener = storage.unlock()) {
            storage.submissions.submit(ChatRef.of(1), new TestimonyContent("raid", 1, "hi", Map.of(), Map.of()).toJson(),
                    new Arrival(true, Optional.of("hi")));
            String id = new TestimonyTable(storage.db).pendingIds().get(0);
            ContactHandles handles = new ContactHandles(storage.db);
            StorePorts.review(storage.db, opener, storage.keys.sealer(), DECIDED, TestStorage.RANDOM)
                    .reject(AuditLog.OPERATOR, id, RejectReason.NOT_A_RAID);
            assertThat(handles.exists(id)).as("a rejection alone keeps it").isTrue();

            StorePorts.retention(storage.db, daysLater(31), Retention.DEFAULT_KEEP_REJECTED).run();

            assertThat(handles.exists(id)).isFalse();
            assertThat(new AuditLog(storage.db, DECIDED).entries(1, 10)).last()
                    .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.CONTACT_HANDLE_ERASED))
                    .satisfies(e -> assertThat(e.actor()).isEqualTo(AuditLog.SYSTEM))
                    .extracting(AuditEntry::subject).isEqualTo(Optional.of(id));
        }
    }
}
