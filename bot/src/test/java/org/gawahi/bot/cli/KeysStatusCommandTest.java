package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysStatusCommandTest {
    @TempDir
    Path work;

    @Test
    void showsTheActiveKeyAndIntakeReadinessWithoutAPassphrase() {
        new Cli(work).passphrase("our collective's long passphrase").run("keys", "init");

        Cli.Result result = new Cli(work).run("keys", "status");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("intake-only").containsPattern("collective key: [0-9]{30}  active")
                .contains("server secret:  present");
    }

    @Test
    void aDirectoryWithoutKeysSaysToRunInit() throws Exception {
        Files.createDirectory(work.resolve("data"));

        Cli.Result result = new Cli(work).run("keys", "status");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("no keys yet", "keys init");
    }

    @Test
    void aMissingDataDirectoryIsExplained() {
        assertExplained(new Cli(work).run("keys", "status"), "does not exist", "keys init", "GAWAHI_DATA_DIR");
    }

    @Test
    void aMissingServerSecretIsReportedIncomplete() throws Exception {
        new Cli(work).passphrase("our collective's long passphrase").run("keys", "init");
        Files.delete(work.resolve("data/keys/server.secret"));

        Cli.Result result = new Cli(work).run("keys", "status");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("INCOMPLETE", "restore", "server secret:  MISSING");
    }
}
