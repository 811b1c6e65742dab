package org.gawahi.storage.testimony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation at the storage level: rotate, re-seal every row, delete the old key, rows still open. */
class ResealingTest {
    @TempDir
    Path data;

    private TestStorage storage;
    private TestimonyTable table;

    @BeforeEach
    void open() throws Exception {
        storage = TestStorage.create(data);
        table = new TestimonyTable(storage.db);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private List<ReceiptCode> submit(int count) {
        List<ReceiptCode> receipts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receipts.add(storage.submissions.submit(ChatRef.of(1000 + i), new TestimonyContent("raid", 1, "en",
                    Map.of(), Map.of("q29", "testimony " + i)).toJson()));
        }
        return receipts;
    }

    private static String open(Opener opener, TestimonyTable.Row row) throws Exception {
        try (SecretBytes plain = opener.open(row.sealed(),
                SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
            return TestimonyContent.fromJson(plain).texts().get("q29");
        }
    }

    @Test
    void decisionsStayAuthenticAndForgeriesStayForgedAcrossARotationThatDeletesTheOldKey() throws Exception {
        submit(3);
        List<String> ids = table.pendingIds();
        try (Opener opener = storage.unlock()) {
            Decisions decisions = new Decisions(storage.db, opener);
            decisions.authenticateEarlierDecisions(storage.keys.sealer().keyId()); // the first unlocked run: none yet
            storage.db.run(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET status = 'APPROVED' WHERE id = ?")) {
                    for (String id : ids) {
                        s.setString(1, id);
                        s.executeUpdate();
                    }
                }
            });
            decisions.authenticate(ids.get(0)); // a moderator's approval; ids 1 and 2 were approved by SQL only
            decisions.authenticate(ids.get(1));
            storage.db.run(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET decision = NULL WHERE id = ?")) {
                    s.setString(1, ids.get(1));
                    s.executeUpdate();
                }
            });
        }
        String oldKeyId = storage.keys.sealer().keyId();
        storage.keys.rotate(TestStorage.PASSPHRASE, Argon2Profile.TEST);
        try (Opener opener = storage.unlock()) {
            new Resealing(storage.db).resealAll(opener, storage.keys.sealer(), (done, total) -> { });
        }
        storage.keys.deleteRetired(oldKeyId);

        try (Opener opener = storage.unlock()) {
            Decisions decisions = new Decisions(storage.db, opener);
            assertThat(decisions.verdict(table.find(ids.get(0)).orElseThrow())).isEqualTo(Decisions.Verdict.AUTHENTIC);
            assertThat(decisions.verdict(table.find(ids.get(1)).orElseThrow())).isEqualTo(Decisions.Verdict.NOT_AUTHENTIC);
            assertThat(decisions.verdict(table.find(ids.get(2)).orElseThrow())).isEqualTo(Decisions.Verdict.NOT_AUTHENTIC);
            assertThat(decisions.upgradeState()).isEqualTo(Decisions.Upgrade.DONE);
        }
    }

    @Test
    void rotatingResealingAndDeletingTheRetiredKeyKeepsEveryTestimonyReadable() throws Exception {
        List<ReceiptCode> receipts = submit(150); // more than one transaction's worth
        storage.submissions.withdraw(receipts.get(7));
        String oldKeyId = storage.keys.sealer().keyId();

        String newKeyId = storage.keys.rotate(TestStorage.PASSPHRASE, Argon2Profile.TEST).keyId();
        Sealer sealer = storage.keys.sealer();
        List<Integer> progress = new ArrayList<>();
        Resealing.Outcome outcome;
        try (Opener opener = storage.unlock()) {
            outcome = new Resealing(storage.db).resealAll(opener, sealer, (done, total) -> progress.add(done));
        }
        storage.keys.deleteRetired(oldKeyId);

        assertThat(outcome.resealed()).isEqualTo(149);
        assertThat(outcome.failed()).isZero();
        assertThat(outcome.keyIdsInUse()).containsOnlyKeys(newKeyId);
        assertThat(progress).hasSize(149).endsWith(149);
        assertThat(storage.keys.state().collectiveKeys()).hasSize(1);
        try (Opener opener = storage.unlock()) {
            List<String> texts = new ArrayList<>();
            for (TestimonyTable.Row row : table.sealedRows()) {
                assertThat(row.keyId()).isEqualTo(newKeyId);
                texts.add(open(opener, row));
            }
            assertThat(texts).hasSize(149).doesNotHaveDuplicates().doesNotContain("testimony 7");
        }
        assertThat(storage.submissions.status(receipts.get(0))).contains(TestimonyStatus.PENDING);
        assertThat(storage.submissions.status(receipts.get(7))).contains(TestimonyStatus.WITHDRAWN);
    }

    @Test
    void aSecondPassAfterAnInterruptedOneFinishesTheJob() throws Exception {
        submit(10);
        storage.keys.rotate(TestStorage.PASSPHRASE, Argon2Profile.TEST);
        Sealer sealer = storage.keys.sealer();
        try (Opener opener = storage.unlock()) {
            // The first pass "dies" after three rows (the progress callback throws mid-transaction).
            try {
                new Resealing(storage.db).resealAll(opener, sealer, (done, total) -> {
                    if (done == 3) {
                        throw new IllegalStateException("killed");
                    }
                });
            } catch (IllegalStateException expected) {
                // the batch rolled back
            }
            assertThat(new Resealing(storage.db).pending(sealer)).isEqualTo(10);

            Resealing.Outcome second = new Resealing(storage.db).resealAll(opener, sealer, (done, total) -> { });

            assertThat(second.resealed()).isEqualTo(10);
            assertThat(second.keyIdsInUse()).containsOnlyKeys(sealer.keyId());
        }
    }

    @Test
    void aRowThatDoesNotOpenIsLeftAloneAndItsKeyReportedInUse() throws Exception {
        submit(3);
        String oldKeyId = storage.keys.sealer().keyId();
        TestimonyTable.Row damaged = table.sealedRows().get(1);
        byte[] bytes = damaged.sealed().clone();
        bytes[bytes.length - 1] ^= 0x01;
        storage.db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE testimonies SET sealed = ? WHERE id = ?")) {
                s.setBytes(1, bytes);
                s.setString(2, damaged.id());
                s.executeUpdate();
            }
        });
        storage.keys.rotate(TestStorage.PASSPHRASE, Argon2Profile.TEST);

        Resealing.Outcome outcome;
        try (Opener opener = storage.unlock()) {
            outcome = new Resealing(storage.db).resealAll(opener, storage.keys.sealer(), (done, total) -> { });
        }

        assertThat(outcome.resealed()).isEqualTo(2);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.keyIdsInUse()).containsEntry(oldKeyId, 1);
        assertThat(table.find(damaged.id()).orElseThrow().sealed()).isEqualTo(bytes);
    }
}
