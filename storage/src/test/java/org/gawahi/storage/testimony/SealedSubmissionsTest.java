package org.gawahi.storage.testimony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.MutableClock;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.db.StorageException;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.drafts.DraftStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedSubmissionsTest {
    private static final ChatRef CHAT = ChatRef.of(987_654_321_012L);

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.at("2026-11-02T23:59:30Z");
    private TestStorage storage;
    private TestimonyTable table;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data, clock);
        table = new TestimonyTable(storage.db);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static SecretBytes testimony(String text) {
        return new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")), Map.of("q29", text)).toJson();
    }

    private TestimonyTable.Row onlyRow() {
        List<TestimonyTable.Row> rows = table.sealedRows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void submitStoresOneSealedRowErasesTheDraftAndReturnsAPendingReceipt() throws Exception {
        storage.drafts.save(CHAT, SecretBytes.utf8("draft"));

        ReceiptCode receipt = storage.submissions.submit(CHAT, testimony("they came at night"));

        assertThat(table.count()).isEqualTo(1);
        assertThat(storage.drafts.load(CHAT)).isEmpty();
        assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
        TestimonyTable.Row row = onlyRow();
        assertThat(row.keyId()).isEqualTo(storage.keys.sealer().keyId());
        assertThat(row.submittedDay()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(row.id()).matches("[0-9a-f]{32}");
    }

    @Test
    void theSealedRowOpensWithItsAssociatedDataAndTheUnlockedKey() throws Exception {
        storage.submissions.submit(CHAT, testimony("they came at night"));
        TestimonyTable.Row row = onlyRow();

        try (Opener opener = storage.unlock();
             SecretBytes opened = opener.open(row.sealed(),
                     SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
            assertThat(TestimonyContent.fromJson(opened).texts()).containsEntry("q29", "they came at night");
        }
    }

    @Test
    void theSealedContentIsPaddedSoItsLengthHidesTheAnswerLength() {
        storage.submissions.submit(CHAT, testimony("short"));
        storage.submissions.submit(ChatRef.of(2), testimony("a much longer answer ".repeat(20)));

        assertThat(table.sealedRows()).extracting(r -> r.sealed().length).containsOnly(table.sealedRows().get(0).sealed().length);
    }

    @Test
    void aSealedRowCopiedUnderAnotherIdDoesNotOpen() throws Exception {
        storage.submissions.submit(CHAT, testimony("first"));
        storage.submissions.submit(ChatRef.of(2), testimony("second"));
        List<TestimonyTable.Row> rows = table.sealedRows();
        TestimonyTable.Row a = rows.get(0);
        TestimonyTable.Row b = rows.get(1);
        // Someone with write access to the file swaps a's ciphertext into b's row.
        storage.db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET sealed = ? WHERE id = ?")) {
                s.setBytes(1, a.sealed());
                s.setString(2, b.id());
                s.executeUpdate();
            }
        });
        TestimonyTable.Row swapped = table.find(b.id()).orElseThrow();

        try (Opener opener = storage.unlock()) {
            assertThatThrownBy(() -> opener.open(swapped.sealed(),
                    SealedSubmissions.associatedData(swapped.id(), swapped.schemaVersion(), swapped.keyId())))
                    .isInstanceOf(CannotOpenException.class);
            assertThat(opener.open(a.sealed(), SealedSubmissions.associatedData(a.id(), a.schemaVersion(), a.keyId()))
                    .utf8String()).containsAnyOf("first", "second"); // rows come in random id order
        }
    }

    @Test
    void aSealedRowWithOneFlippedByteDoesNotOpen() throws Exception {
        storage.submissions.submit(CHAT, testimony("they came at night"));
        TestimonyTable.Row row = onlyRow();
        byte[] ad = SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId());

        try (Opener opener = storage.unlock()) {
            for (int at : new int[] {0, 5, row.sealed().length / 2, row.sealed().length - 1}) {
                byte[] flipped = row.sealed().clone();
                flipped[at] ^= 0x01;
                assertThatThrownBy(() -> opener.open(flipped, ad)).as("byte %d flipped", at)
                        .isInstanceOf(CannotOpenException.class);
            }
        }
    }

    @Test
    void withdrawDeletesTheSealedContentAndKeepsATombstone() {
        ReceiptCode receipt = storage.submissions.submit(CHAT, testimony("they came at night"));
        String id = onlyRow().id();

        assertThat(storage.submissions.withdraw(receipt)).isTrue();

        TestimonyTable.Row row = table.find(id).orElseThrow();
        assertThat(row.sealed()).isNull();
        assertThat(row.keyId()).isNull();
        assertThat(row.status()).isEqualTo(TestimonyStatus.WITHDRAWN);
        assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.WITHDRAWN);
        assertThat(table.sealedRows()).isEmpty();
    }

    @Test
    void aSecondWithdrawReturnsFalse() {
        ReceiptCode receipt = storage.submissions.submit(CHAT, testimony("they came at night"));
        storage.submissions.withdraw(receipt);

        assertThat(storage.submissions.withdraw(receipt)).isFalse();
    }

    @Test
    void anUnknownCodeHasNoStatusAndCannotWithdraw() {
        storage.submissions.submit(CHAT, testimony("they came at night"));
        ReceiptCode unknown = ReceiptCode.parse("1234 5678 9012 3456").orElseThrow();

        assertThat(storage.submissions.status(unknown)).isEmpty();
        assertThat(storage.submissions.withdraw(unknown)).isFalse();
        assertThat(table.count()).isEqualTo(1);
    }

    @Test
    void theReceiptIsStoredOnlyAsAKeyedHash() throws Exception {
        ReceiptCode receipt = storage.submissions.submit(CHAT, testimony("they came at night"));

        String stored = storage.db.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT receipt_hash FROM testimonies")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        assertThat(stored).isEqualTo(storage.pseudonyms.receiptHash(receipt.digits())).doesNotContain(receipt.digits());
    }

    @Test
    void aFailedSubmissionStoresNothingAndKeepsTheDraft() throws Exception {
        storage.drafts.save(CHAT, SecretBytes.utf8("my draft"));
        SealedSubmissions submissions = submissionsWhoseDraftEraseFails();

        assertThatThrownBy(() -> submissions.submit(CHAT, testimony("they came at night")))
                .isInstanceOf(Submissions.StorageFailure.class)
                .hasMessageNotContaining("they came at night");

        assertThat(table.count()).isZero();
        assertThat(storage.drafts.load(CHAT).map(SecretBytes::utf8String)).contains("my draft");
    }

    @Test
    void aSubmissionThatFailsInsideAnOuterTransactionKeepsNeitherRowNorHandleAndTheOuterOneCommits() throws Exception {
        storage.drafts.save(CHAT, SecretBytes.utf8("my draft"));
        SealedSubmissions submissions = submissionsWhoseDraftEraseFails();

        storage.db.run(c -> {
            storage.drafts.save(ChatRef.of(2), SecretBytes.utf8("another person's draft, same batch"));
            assertThatThrownBy(() -> submissions.submit(CHAT, testimony("they came at night"),
                    new Arrival(true, Optional.of("hi")))).isInstanceOf(Submissions.StorageFailure.class);
        });

        assertThat(table.count()).isZero();
        int handles = storage.db.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM contact_handles")) {
                return rs.getInt(1);
            }
        });
        assertThat(handles).isZero();
        assertThat(storage.drafts.load(CHAT).map(SecretBytes::utf8String)).contains("my draft");
        assertThat(storage.drafts.load(ChatRef.of(2))).isPresent();
    }

    /** Submissions whose draft erase, the last write of a submission, deletes the row and then fails. */
    private SealedSubmissions submissionsWhoseDraftEraseFails() throws Exception {
        DraftStore failingErase = new DraftStore() {
            @Override
            public Optional<SecretBytes> load(ChatRef chat) {
                return storage.drafts.load(chat);
            }

            @Override
            public void save(ChatRef chat, SecretBytes draft) {
                storage.drafts.save(chat, draft);
            }

            @Override
            public void erase(ChatRef chat) {
                storage.drafts.erase(chat);
                throw new StorageException("disk I/O error");
            }

            @Override
            public int purgeExpired() {
                return storage.drafts.purgeExpired();
            }
        };
        return new SealedSubmissions(storage.db, storage.keys.sealer(), storage.pseudonyms,
                failingErase, TestStorage.RANDOM, clock);
    }

    @Test
    void countsByStatusAndByKeyLeaveOutWithdrawnContent() throws Exception {
        ReceiptCode first = storage.submissions.submit(CHAT, testimony("one"));
        storage.submissions.submit(ChatRef.of(2), testimony("two"));
        storage.submissions.withdraw(first);

        assertThat(table.countByStatus()).containsExactly(
                Map.entry(TestimonyStatus.PENDING, 1), Map.entry(TestimonyStatus.WITHDRAWN, 1));
        assertThat(table.sealedCountByKey()).containsExactly(Map.entry(storage.keys.sealer().keyId(), 1));
    }
}
