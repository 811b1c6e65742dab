package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Stream;

import org.gawahi.bot.fixtures.RaidQuestionnaire;
import org.gawahi.storage.TestStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures of the "bad input" list, each met through a command: a clear
 * paragraph naming the problem and the fix, exit code 2, no stack trace, and what is on
 * disk left as it was. (Wrong passphrase, missing directory and a flipped byte in a sealed
 * row are also covered by each command's own tests.)
 */
class BadInputTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();

    @TempDir
    Path work;

    @TempDir
    Path questionnaireDir;

    private Path data;

    @BeforeEach
    void keys() {
        data = work.resolve("data");
        assertThat(new Cli(work).passphrase(PASSPHRASE).run("keys", "init").exitCode()).isZero();
        RaidQuestionnaire.copyInto(questionnaireDir);
    }

    private Cli.Result simulate() {
        return new Cli(work).stdin("{\"button\":\"l:lang:en\"}\n")
                .run("simulate", "--jsonl", "--questionnaire", questionnaireDir.toString());
    }

    private Path collectiveKey() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("keys"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("collective-")).findFirst().orElseThrow();
        }
    }

    @Test
    void aTruncatedKeyFileIsNamedWithTheFix() throws Exception {
        Path key = collectiveKey();
        byte[] whole = Files.readAllBytes(key);
        Files.write(key, Arrays.copyOf(whole, 100));

        assertExplained(new Cli(work).run("keys", "status"), key.toString(), "truncated or damaged", "restore it from your backup");
        assertExplained(new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate"), "truncated or damaged");
        assertExplained(simulate(), "truncated or damaged");
        assertThat(Files.readAllBytes(key)).hasSize(100);
    }

    @Test
    void aKeyFileWithOneFlippedByteIsDamagedNotAWrongPassphrase() throws Exception {
        Path key = collectiveKey();
        byte[] bytes = Files.readAllBytes(key);
        int at = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).indexOf("\"ciphertext\"") + 20;
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        Files.write(key, bytes);

        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");

        assertExplained(result, "truncated or damaged", "restore it from your backup");
        assertThat(result.err()).doesNotContain("passphrase does not open");
        assertThat(Files.readAllBytes(key)).isEqualTo(bytes);
    }

    @Test
    void aDamagedServerSecretIsNamedWithTheFix() throws Exception {
        Path secret = data.resolve("keys/server.secret");
        byte[] bytes = Files.readAllBytes(secret);
        bytes[10] ^= 0x01;
        Files.write(secret, bytes);

        assertExplained(simulate(), "Server secret file", "truncated or damaged", "restore it from your backup");
    }

    @Test
    void aDatabaseFromANewerSchemaIsRefusedAndLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gawahi.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(data.resolve("gawahi.db"));

        assertExplained(simulate(), "schema version 99", "newer than this Gawahi knows", "Run a newer Gawahi");
        assertExplained(new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate"), "schema version 99");

        assertThat(Files.readAllBytes(data.resolve("gawahi.db"))).isEqualTo(before);
        try (Stream<Path> keys = Files.list(data.resolve("keys"))) {
            assertThat(keys.filter(p -> p.getFileName().toString().startsWith("collective-"))).hasSize(1);
        }
    }

    @Test
    void aReadOnlyDataDirectoryIsExplained() throws Exception {
        try (ReadOnly readOnly = ReadOnly.make(data)) {
            assertExplained(simulate(), "Cannot open the database", "writable");
        }
    }

    @Test
    void aBackupOntoAReadOnlyDiskIsExplainedAndLeavesNoFile(@TempDir Path target) throws Exception {
        try (ReadOnly readOnly = ReadOnly.make(target)) {
            assertExplained(new Cli(work).run("backup", "--to", target.resolve("b.db").toString()),
                    "Cannot create the backup", "writable");
        }
        assertThat(target.resolve("b.db")).doesNotExist();
    }
}
