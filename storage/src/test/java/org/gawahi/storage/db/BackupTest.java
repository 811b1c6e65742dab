package org.gawahi.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.gawahi.storage.testimony.TestimonyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {
    private static final String CANARY = "CANARY-backup-9d2e41";

    @TempDir
    Path data;

    @TempDir
    Path elsewhere;

    @Test
    void aBackupIsOneSealedFileThatRestoresEveryTestimony() throws Exception {
        Path backup = elsewhere.resolve("gawahi-backup.db");
        ReceiptCode receipt;
        try (TestStorage storage = TestStorage.create(data)) {
            receipt = storage.submissions.submit(ChatRef.of(987_654_321_012L), new TestimonyContent("raid", 1, "hi",
                    Map.of(), Map.of("q29", CANARY)).toJson());

            storage.db.backupTo(backup);
        }

        assertThat(LeakScan.filesUnder(elsewhere)).containsExactly(backup);
        assertThat(new LeakScan().text("canary", CANARY).chatId("chat", 987_654_321_012L).findIn(List.of(backup)))
                .isEmpty();
        if (Files.getFileAttributeView(backup, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        }
        // Restore: the backup in place of the database, beside the same keys.
        Files.delete(data.resolve(Database.FILE_NAME));
        Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-wal"));
        Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-shm"));
        Files.copy(backup, data.resolve(Database.FILE_NAME));
        try (TestStorage restored = TestStorage.create(data); Opener opener = restored.unlock()) {
            assertThat(restored.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
            TestimonyTable.Row row = new TestimonyTable(restored.db).sealedRows().get(0);
            assertThat(opener.open(row.sealed(), SealedSubmissions.associatedData(row.id(), row.schemaVersion(),
                    row.keyId())).utf8String()).contains(CANARY);
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        Path existing = Files.writeString(elsewhere.resolve("precious.db"), "do not touch");
        try (Database db = Database.open(data)) {
            assertThatThrownBy(() -> db.backupTo(existing))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("already exists")
                    .hasMessageContaining("never overwrites");
        }
        assertThat(Files.readString(existing)).isEqualTo("do not touch");
    }

    @Test
    void aBackupIntoAMissingFolderSaysSo() {
        try (Database db = Database.open(data)) {
            assertThatThrownBy(() -> db.backupTo(elsewhere.resolve("no/such/folder/backup.db")))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("folder does not exist");
        }
    }

    @Test
    void theSchemaVersionIsReadWithoutChangingAnything() throws Exception {
        assertThat(Database.schemaVersionOf(data)).isEmpty();
        assertThat(LeakScan.filesUnder(data)).isEmpty();

        Database.open(data).close();

        assertThat(Database.schemaVersionOf(data)).hasValue(Database.latestSchemaVersion());
    }
}
