package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();

    @TempDir
    Path work;

    private Path data;

    @BeforeEach
    void keysDraftsAndTestimonies() throws Exception {
        data = work.resolve("data");
        new Cli(work).passphrase(PASSPHRASE).run("keys", "init");
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(ChatRef.of(1), SecretBytes.utf8("unfinished"));
            ReceiptCode withdrawn = null;
            for (int i = 2; i < 5; i++) {
                withdrawn = storage.submissions.submit(ChatRef.of(i),
                        new TestimonyContent("raid", 1, "en", Map.of(), Map.of("q29", "CANARY-doctor")).toJson());
            }
            storage.submissions.withdraw(withdrawn);
        }
    }

    private Path keyFile() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("keys"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("collective-")).findFirst().orElseThrow();
        }
    }

    @Test
    void aHealthyDirectoryIsReportedInFullWithoutKeyMaterialOrContent() throws Exception {
        Cli.Result result = new Cli(work).run("doctor");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out())
                .contains("data directory: rwx------", "keys directory: rwx------", "server.secret: rw-------")
                .contains("data file gawahi.db: rw-------")
                .containsPattern("collective key [0-9]{30}: active, generation 1, created [^,]+, fingerprint [0-9]{5}( [0-9]{5}){5}")
                .contains("key state: intake-only")
                .containsPattern("schema version \\d+ \\(current\\)")
                .contains("journal_mode=wal synchronous=2 secure_delete=1 trusted_schema=0 foreign_keys=1 busy_timeout=5000ms")
                .contains("contents: 1 drafts, 3 testimonies (2 pending, 1 withdrawn)")
                .contains("No problems found.");
        byte[] secret = Files.readAllBytes(data.resolve("keys/server.secret"));
        assertThat(result.all()).doesNotContain("CANARY-doctor", PASSPHRASE, "publicKey", "ciphertext",
                HexFormat.of().formatHex(secret, 5, 37));
    }

    @Test
    void changesNothing() throws Exception {
        byte[] before = Files.readAllBytes(data.resolve("gawahi.db"));

        new Cli(work).run("doctor");

        assertThat(Files.readAllBytes(data.resolve("gawahi.db"))).isEqualTo(before);
    }

    @Test
    void withTheRightPassphraseTheBotCouldRunUnlocked() {
        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("doctor");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("unlocked-capable");
    }

    @Test
    void aWrongPassphraseInTheEnvironmentIsAProblem() {
        Cli.Result result = new Cli(work).passphrase("a wrong passphrase here").run("doctor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("PROBLEM  GAWAHI_PASSPHRASE is set but does not open the collective key");
    }

    @Test
    void filesReadableByOthersAreProblemsWithTheFix() throws Exception {
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result result = new Cli(work).run("doctor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("chmod 700 " + data, "chmod 600 " + keyFile(), "2 problems need fixing");
    }

    @Test
    void aDatabaseOrItsWalReadableByOthersIsAProblemWithTheFix() throws Exception {
        Path database = data.resolve("gawahi.db");
        Path wal = data.resolve("gawahi.db-wal");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(wal, new byte[0]);
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-r-----"));

        Cli.Result result = new Cli(work).run("doctor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("chmod 600 " + database, "chmod 600 " + wal);
    }

    @Test
    void aDamagedKeyFileIsAProblem() throws Exception {
        Path key = keyFile();
        byte[] bytes = Files.readAllBytes(key);
        Files.write(key, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Cli.Result result = new Cli(work).run("doctor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("PROBLEM", "truncated or damaged", "restore it from your backup");
    }

    @Test
    void aDatabaseFromANewerGawahiIsAProblemAndLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gawahi.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 42");
        }

        Cli.Result result = new Cli(work).run("doctor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("schema version 42, newer than this Gawahi knows");
    }

    @Test
    void aMissingDataDirectoryIsAProblem(@TempDir Path elsewhere) {
        Cli.Result result = new Cli(elsewhere).run("doctor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("does not exist", "keys init");
        assertThat(elsewhere.resolve("data")).doesNotExist();
    }
}
