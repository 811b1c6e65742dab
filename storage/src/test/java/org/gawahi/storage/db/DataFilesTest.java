package org.gawahi.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.WalStates;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of the data directory: readable by their owner only, and a WAL that holds nothing
 * once a person expects nothing to be left (a submission, an erase or quick exit, a
 * withdrawal), nor after a start that follows a SIGKILL.
 */
class DataFilesTest {
    private static final ChatRef ASHA = ChatRef.of(7_000_000_001L);

    @TempDir
    Path data;

    private long walSize() throws Exception {
        Path wal = data.resolve("gawahi.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void theDatabaseItsWalAndShmAndTheLockAreTheOwnersOnly() throws Exception {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(Files.createDirectories(data));
             TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ASHA, SecretBytes.utf8("draft"));

            for (String name : new String[] {"gawahi.db", "gawahi.db-wal", "gawahi.db-shm", "gawahi.lock"}) {
                assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void filesAnOlderGawahiLeftReadableByOthersAreNarrowedAtStart() throws Exception {
        TestStorage.create(data).close();
        for (String name : new String[] {"gawahi.db", "gawahi.lock"}) {
            Path file = data.resolve(name);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data); TestStorage storage = TestStorage.create(data)) {
            assertThat(mode(data.resolve("gawahi.db"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve("gawahi.lock"))).isEqualTo("rw-------");
        }
    }

    @Test
    void afterACheckpointTheDatabaseItsWalAndShmSayOnlyTheHour() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:17:42.500Z"), ZoneOffset.UTC);
        try (Database db = Database.open(data, clock)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO events (id, created_day) VALUES ('" + "ab".repeat(16) + "', '2026-03-01')");
                }
                db.checkpointAfterCommit();
                return null;
            });

            for (String name : new String[] {"gawahi.db", "gawahi.db-wal", "gawahi.db-shm"}) {
                assertThat(Files.getLastModifiedTime(data.resolve(name))).as(name)
                        .isEqualTo(FileTime.from(Instant.parse("2026-03-01T10:00:00Z")));
            }
        }
    }

    @Test
    void aSubmissionLeavesFileTimesOnTheStartOfAnHour() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ASHA, SecretBytes.utf8("draft 1"));

            storage.submissions.submit(ASHA, SecretBytes.utf8("{\"texts\":{}}"));

            for (String name : new String[] {"gawahi.db", "gawahi.db-wal", "gawahi.db-shm"}) {
                Instant mtime = Files.getLastModifiedTime(data.resolve(name)).toInstant();
                assertThat(mtime).as(name).isEqualTo(mtime.truncatedTo(ChronoUnit.HOURS));
            }
        }
    }

    @Test
    void aSubmissionLeavesTheWalEmpty() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ASHA, SecretBytes.utf8("draft 1"));
            storage.drafts.save(ASHA, SecretBytes.utf8("draft 2"));
            assertThat(walSize()).isPositive();

            storage.submissions.submit(ASHA, SecretBytes.utf8("{\"texts\":{}}"));

            assertThat(walSize()).isZero();
        }
    }

    @Test
    void anEraseLeavesTheWalEmpty() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ASHA, SecretBytes.utf8("draft"));

            storage.drafts.erase(ASHA);

            assertThat(walSize()).isZero();
        }
    }

    @Test
    void aWithdrawalLeavesTheWalEmpty() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            ReceiptCode receipt = storage.submissions.submit(ASHA, SecretBytes.utf8("{\"texts\":{}}"));
            storage.drafts.save(ASHA, SecretBytes.utf8("a new draft"));

            assertThat(storage.submissions.withdraw(receipt)).isTrue();

            assertThat(walSize()).isZero();
        }
    }

    /** As in a Telegram batch: the checkpoint waits for the outermost commit, then runs. */
    @Test
    void anEraseInsideATransactionEmptiesTheWalRightAfterItsCommit() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ASHA, SecretBytes.utf8("draft"));
            long[] duringTransaction = new long[1];

            storage.db.run(c -> {
                storage.drafts.erase(ASHA);
                try {
                    duringTransaction[0] = walSize();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(duringTransaction[0]).isPositive();
            assertThat(walSize()).isZero();
        }
    }

    @Test
    void aRolledBackTransactionDropsItsCheckpoint() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ASHA, SecretBytes.utf8("draft"));
            try {
                storage.db.run(c -> {
                    storage.drafts.erase(ASHA);
                    throw new IllegalStateException("fails");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }

            assertThat(storage.drafts.count()).isEqualTo(1);
            assertThat(walSize()).as("no checkpoint for work that did not happen").isPositive();
        }
    }

    @Test
    void aStartEmptiesTheWalAKillLeftBehind() throws Exception {
        Path killed = data.resolveSibling(data.getFileName() + "-killed");
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ASHA, SecretBytes.utf8("draft"));
            WalStates.copyTree(data, killed); // what the disk holds when the process dies now
        }
        assertThat(Files.size(killed.resolve("gawahi.db-wal"))).isPositive();

        try (TestStorage restarted = TestStorage.create(killed)) {
            assertThat(Files.size(killed.resolve("gawahi.db-wal"))).isZero();
        }
    }
}
