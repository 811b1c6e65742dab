package org.gawahi.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.gawahi.storage.updates.UpdateOffsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void everyConnectionRunsWithTheSafetyPragmas() {
        try (Database db = Database.open(dir)) {
            assertThat(db.pragma("journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(db.pragma("synchronous")).isEqualTo("2"); // FULL
            assertThat(db.pragma("secure_delete")).isEqualTo("1");
            assertThat(db.pragma("trusted_schema")).isEqualTo("0");
            assertThat(db.pragma("foreign_keys")).isEqualTo("1");
            assertThat(db.pragma("busy_timeout")).isEqualTo(Integer.toString(Database.BUSY_TIMEOUT_MS));
        }
    }

    @Test
    void insertsRunNoExtraQueryForGeneratedKeysNobodyReads() {
        try (Database db = Database.open(dir)) {
            boolean generatedKeys = db.inTransaction(
                    c -> c.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys());
            assertThat(generatedKeys).isFalse();
        }
    }

    @Test
    void migrationsBringAFreshDatabaseToTheLatestSchemaOnce() {
        try (Database db = Database.open(dir)) {
            assertThat(db.pragma("user_version")).isEqualTo(Integer.toString(Migrations.latest()));
        }
        try (Database again = Database.open(dir)) {
            assertThat(again.pragma("user_version")).isEqualTo(Integer.toString(Migrations.latest()));
        }
    }

    @Test
    void refusesADatabaseFromANewerSchemaAndLeavesItAlone() throws Exception {
        Database.open(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(99);
        }
    }

    @Test
    void refusesAMissingDataDirectoryWithTheFix() {
        assertThatThrownBy(() -> Database.open(dir.resolve("nope")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("keys init");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = Database.open(dir)) {
            UpdateOffsets offsets = new UpdateOffsets(db);
            offsets.commit(7);
            assertThatThrownBy(() -> db.run(c -> {
                offsets.commit(8);
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(offsets.lastCommitted()).hasValue(7);
        }
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        try (Database db = Database.open(dir)) {
            UpdateOffsets offsets = new UpdateOffsets(db);
            db.run(c -> {
                offsets.commit(1);
                offsets.commit(2);
                assertThat(db.inTransactionOnThisThread()).isTrue();
            });
            assertThat(offsets.lastCommitted()).hasValue(2);
        }
    }

    @Test
    void workOnOtherThreadsJoinsASharedTransactionAndCommitsWithIt() throws Exception {
        try (Database db = Database.open(dir)) {
            UpdateOffsets offsets = new UpdateOffsets(db);
            db.run(c -> {
                try (Database.Shared shared = db.share()) {
                    Thread other = new Thread(() -> shared.join(() -> {
                        assertThat(db.inTransactionOnThisThread()).isTrue();
                        offsets.commit(5);
                    }));
                    other.start();
                    join(other);
                }
                // not committed yet: seen inside the transaction only
                assertThat(offsets.lastCommitted()).hasValue(5);
            });
            assertThat(offsets.lastCommitted()).hasValue(5);
        }
    }

    @Test
    void aRolledBackSharedTransactionKeepsNothingFromOtherThreads() {
        try (Database db = Database.open(dir)) {
            UpdateOffsets offsets = new UpdateOffsets(db);
            offsets.commit(3);
            assertThatThrownBy(() -> db.run(c -> {
                try (Database.Shared shared = db.share()) {
                    Thread other = new Thread(() -> shared.join(() -> offsets.commit(9)));
                    other.start();
                    join(other);
                }
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(offsets.lastCommitted()).hasValue(3);
        }
    }

    @Test
    void aJoinedCallAfterTheSharingEndedFailsAndWritesNothing() {
        try (Database db = Database.open(dir)) {
            UpdateOffsets offsets = new UpdateOffsets(db);
            Database.Shared[] kept = new Database.Shared[1];
            db.run(c -> {
                try (Database.Shared shared = db.share()) {
                    kept[0] = shared;
                }
            });
            assertThatThrownBy(() -> kept[0].join(() -> offsets.commit(4))).isInstanceOf(IllegalStateException.class);
            assertThat(offsets.lastCommitted()).isEmpty();
        }
    }

    @Test
    void onlyAThreadInsideATransactionCanShareIt() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(db::share).isInstanceOf(IllegalStateException.class);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void aSqlFailureBecomesAStorageExceptionNamingTheCause() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.run(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO testimonies (id, schema_version, status, submitted_day, receipt_hash) VALUES ('a', 1, 'NOPE', '2026-01-01', 'h')")) {
                    s.executeUpdate();
                }
            })).isInstanceOf(StorageException.class).hasMessageContaining("CHECK constraint");
        }
    }

    @Test
    void splitsMigrationFilesIntoStatementsIgnoringComments() {
        assertThat(Migrations.statements("-- a comment\nCREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)");
    }

    @Test
    void keepsATriggerWrittenOnOneLineWhole() {
        assertThat(Migrations.statements("CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;\nCREATE TABLE b (y INT);\n"))
                .containsExactly("CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT RAISE(ABORT, 'no'); END", "CREATE TABLE b (y INT)");
    }
}
