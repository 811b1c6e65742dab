package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.LeakScan;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandTest {
    private static final String CANARY = "CANARY-cli-backup-77ab";

    @TempDir
    Path work;

    @BeforeEach
    void keysAndOneTestimony() throws Exception {
        new Cli(work).passphrase(TestStorage.PASSPHRASE.reveal()).run("keys", "init");
        try (TestStorage storage = TestStorage.create(work.resolve("data"))) {
            storage.submissions.submit(ChatRef.of(987_654_321_012L),
                    new TestimonyContent("raid", 1, "hi", Map.of(), Map.of("q29", CANARY)).toJson());
        }
    }

    @Test
    void writesAPrivateSealedCopyWithoutNeedingThePassphrase() throws Exception {
        Cli.Result result = new Cli(work).run("backup", "--to", "backup-1.db");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Path copy = work.resolve("backup-1.db");
        assertThat(result.out()).contains("Backed up", copy.toString(), "To restore");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        assertThat(Files.size(copy)).isGreaterThan(4096);
        assertThat(new LeakScan().text("canary", CANARY).chatId("chat", 987_654_321_012L).findIn(List.of(copy))).isEmpty();
        assertThat(work.resolve("backup-1.db-wal")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAFile() throws Exception {
        Path existing = Files.writeString(work.resolve("old.db"), "an older backup");

        assertExplained(new Cli(work).run("backup", "--to", "old.db"), "already exists", "never overwrites");
        assertThat(Files.readString(existing)).isEqualTo("an older backup");
    }

    @Test
    void intoAMissingFolderIsExplained() {
        assertExplained(new Cli(work).run("backup", "--to", "no/such/folder/b.db"), "folder does not exist");
    }

    @Test
    void needsADestination() {
        Cli.Result result = new Cli(work).run("backup");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--to");
    }

    @Test
    void aMissingDataDirectoryIsExplained(@TempDir Path elsewhere) {
        assertExplained(new Cli(elsewhere).run("backup", "--to", "b.db"), "does not exist", "keys init");
    }

    @Test
    void aDataDirectoryWithoutADatabaseIsExplained(@TempDir Path elsewhere) throws Exception {
        Files.createDirectory(elsewhere.resolve("data"));

        assertExplained(new Cli(elsewhere).run("backup", "--to", "b.db"), "no database");
        assertThat(elsewhere.resolve("data/gawahi.db")).doesNotExist();
    }
}
