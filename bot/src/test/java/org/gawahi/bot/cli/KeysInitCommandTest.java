package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysInitCommandTest {
    private static final String PASSPHRASE = "our collective's long passphrase";

    @TempDir
    Path work;

    private Path data() {
        return work.resolve("data");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private List<String> keyFiles() throws Exception {
        try (Stream<Path> files = Files.list(data().resolve("keys"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsThePrivateDataDirectoryTheKeyPairTheServerSecretAndTheDatabase() throws Exception {
        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "init");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(mode(data())).isEqualTo("rwx------");
        assertThat(keyFiles()).hasSize(2).anyMatch(f -> f.matches("collective-[0-9]{30}\\.key")).contains("server.secret");
        for (String file : keyFiles()) {
            assertThat(mode(data().resolve("keys").resolve(file))).isEqualTo("rw-------");
        }
        assertThat(data().resolve("gawahi.db")).exists();
        assertThat(result.out()).contains("Created the collective key").contains("passphrase somewhere safe")
                .doesNotContain(PASSPHRASE);
    }

    @Test
    void usesTheDefaultArgon2ProfileUnlessAskedOtherwise() throws Exception {
        new Cli(work).env(Argon2Choice.VARIABLE, null).passphrase(PASSPHRASE).run("keys", "init");

        String keyFile = Files.readString(data().resolve("keys").resolve(keyFiles().get(0)));
        assertThat(keyFile).contains("\"memoryKiB\" : 47104");
    }

    @Test
    void theTestProfileIsAnnouncedAsWorthlessForRealKeys() {
        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "init");

        assertThat(result.err()).contains("WARNING").contains("Tests only");
    }

    @Test
    void asksForANewPassphraseTwiceOnTheTerminal() throws Exception {
        Cli.Result result = new Cli(work).typing(PASSPHRASE, PASSPHRASE).run("keys", "init");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(keyFiles()).hasSize(2);
    }

    @Test
    void refusesTwoDifferentTypedPassphrasesAndCreatesNothing() {
        Cli.Result result = new Cli(work).typing(PASSPHRASE, PASSPHRASE + "!").run("keys", "init");

        assertExplained(result, "passphrases differ", "Nothing was created");
        assertThat(data()).doesNotExist();
    }

    @Test
    void refusesAShortPassphrase() {
        Cli.Result result = new Cli(work).passphrase("short").run("keys", "init");

        assertExplained(result, "too short", "at least 12");
        assertThat(data()).doesNotExist();
    }

    @Test
    void withNeitherTheVariableNorATerminalSaysHowToGiveThePassphrase() {
        Cli.Result result = new Cli(work).run("keys", "init");

        assertExplained(result, "GAWAHI_PASSPHRASE", "never on the command line");
        assertThat(data()).doesNotExist();
    }

    @Test
    void thereIsNoPassphraseOption() {
        Cli.Result result = new Cli(work).run("keys", "init", "--passphrase", PASSPHRASE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option");
        assertThat(data()).doesNotExist();
    }

    @Test
    void refusesToOverwriteExistingKeysAndLeavesThemUntouched() throws Exception {
        new Cli(work).passphrase(PASSPHRASE).run("keys", "init");
        List<String> before = keyFiles();
        byte[] secret = Files.readAllBytes(data().resolve("keys/server.secret"));

        Cli.Result again = new Cli(work).passphrase("another long passphrase").run("keys", "init");

        assertExplained(again, "already exist", "refusing to overwrite", "keys rotate");
        assertThat(keyFiles()).isEqualTo(before);
        assertThat(Files.readAllBytes(data().resolve("keys/server.secret"))).isEqualTo(secret);
    }

    @Test
    void refusesBeforeAskingForAPassphraseWhenKeysExist() {
        new Cli(work).passphrase(PASSPHRASE).run("keys", "init");

        Cli.Result again = new Cli(work).typing().run("keys", "init");

        assertExplained(again, "already exist");
    }

    @Test
    void anUnknownArgon2ProfileIsRefused() {
        Cli.Result result = new Cli(work).env(Argon2Choice.VARIABLE, "fast").passphrase(PASSPHRASE).run("keys", "init");

        assertExplained(result, "GAWAHI_ARGON2_PROFILE", "not a profile");
    }

    @Test
    void honoursGawahiDataDir(@TempDir Path elsewhere) {
        Path chosen = elsewhere.resolve("collective-data");

        Cli.Result result = new Cli(work).dataDir(chosen).passphrase(PASSPHRASE).run("keys", "init");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(chosen.resolve("keys/server.secret")).exists();
        assertThat(data()).doesNotExist();
    }

    @Test
    void warnsWhenAnExistingDataDirectoryIsOpenToOthers() throws Exception {
        Files.createDirectory(data(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwxr-xr-x"));

        Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "init");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("open to other users", "chmod 700 " + data());
        assertThat(mode(data().resolve("keys"))).isEqualTo("rwx------");
    }

    @Test
    void aReadOnlyDiskIsExplainedAndNothingIsWritten() throws Exception {
        Path data = Files.createDirectory(data());
        try (ReadOnly readOnly = ReadOnly.make(data)) {
            Cli.Result result = new Cli(work).passphrase(PASSPHRASE).run("keys", "init");

            assertExplained(result, "Cannot read or write", "writable", "Nothing was changed");
        }
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }
}
