package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.cli.CliAssertions.assertExplained;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gawahi.storage.TestStorage;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.KeyForgery;
import org.gawahi.storage.crypto.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `keys init`, `keys status`, `doctor` and `keys rotate` say when whoever had the disk
 * swapped or added a key file, or the pin differs: each named for what it is, with the file.
 */
class PinnedKeysCommandsTest {
    private static final String PASSPHRASE = TestStorage.PASSPHRASE.reveal();
    private static final String PIN = "GAWAHI_KEY_FINGERPRINT";
    private static final Pattern PRINTED = Pattern.compile("\n    ([0-9]{5}( [0-9]{5}){5})\n");
    private static final String OTHER = "11111 22222 33333 44444 55555 66666";

    @TempDir
    Path work;

    private Path data;
    private String printed;

    @BeforeEach
    void keysInit() {
        data = work.resolve("data");
        Cli.Result init = new Cli(work).passphrase(PASSPHRASE).run("keys", "init");
        Matcher m = PRINTED.matcher(init.out());
        assertThat(m.find()).as(init.out()).isTrue();
        printed = m.group(1);
        assertThat(init.out()).contains(PIN + "=\"" + printed + "\"");
    }

    private String keyId() throws Exception {
        return collectiveKeyFiles().get(0).replace("collective-", "").replace(".key", "");
    }

    private List<String> collectiveKeyFiles() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("keys"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("collective-")).sorted().toList();
        }
    }

    @Test
    void theFingerprintKeysInitPrintsIsTheKeysIdAndPinsItAsPrintedWithDashesOrRunTogether() throws Exception {
        assertThat(keyId()).isEqualTo(printed.replace(" ", ""));
        for (String typed : List.of(printed, printed.replace(' ', '-'), printed.replace(" ", ""))) {
            Cli.Result status = new Cli(work).env(PIN, typed).run("keys", "status");
            assertThat(status.exitCode()).as(status.all()).isZero();
            assertThat(status.out()).contains("fingerprint:  " + printed + "  (pinned)",
                    "intake:         testimonies are sealed to the key " + printed + ", pinned by " + PIN);
            Cli.Result doctor = new Cli(work).env(PIN, typed).run("doctor");
            assertThat(doctor.out()).contains("ok       intake: testimonies are sealed to the key " + printed)
                    .contains("No problems found.");
        }
        assertThat(new Cli(work).run("keys", "status").out()).contains("not pinned");
    }

    @Test
    void aPinnedFingerprintThatDiffersIsRefusedByStatusAndDoctor() {
        Cli.Result status = new Cli(work).env(PIN, OTHER).run("keys", "status");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.out()).contains("intake:         REFUSED: no collective key in " + data.resolve("keys"))
                .contains("pinned by " + PIN + " (" + OTHER + "); the newest")
                .contains(printed).contains("no testimony is taken");

        Cli.Result doctor = new Cli(work).env(PIN, OTHER).passphrase(PASSPHRASE).run("doctor");
        assertThat(doctor.exitCode()).isEqualTo(2);
        assertThat(doctor.out()).contains("unlocked-capable")
                .contains("PROBLEM  intake refused: no collective key in").contains(OTHER)
                .doesNotContain("No problems found");
    }

    @Test
    void aMistypedPinIsRefusedNotIgnored() {
        assertExplained(new Cli(work).env(PIN, printed.substring(2)).run("keys", "status"), PIN, "30 digits");
        Cli.Result doctor = new Cli(work).env(PIN, printed.substring(2)).run("doctor");
        assertThat(doctor.exitCode()).isEqualTo(2);
        assertThat(doctor.out()).contains("PROBLEM  " + PIN);
    }

    @Test
    void aSwappedPublicKeyIsNamedWithItsFileNeverAsAWrongPassphrase() throws Exception {
        Path swapped = new KeyForgery(data).swapPublicKey(keyId());

        assertExplained(new Cli(work).run("keys", "status"), swapped.toString(), "the public key was replaced");
        for (Cli cli : List.of(new Cli(work), new Cli(work).passphrase(PASSPHRASE), new Cli(work).env(PIN, printed))) {
            Cli.Result doctor = cli.run("doctor");
            assertThat(doctor.exitCode()).isEqualTo(2);
            assertThat(doctor.out()).contains("PROBLEM  Collective key file " + swapped)
                    .contains("the public key was replaced").doesNotContain("does not open the collective key")
                    .doesNotContain("No problems found");
        }
        assertExplained(new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate"), swapped.toString(),
                "the public key was replaced");
    }

    @Test
    void anAddedKeyOfAHigherGenerationIsReportedAndNeverRotatedFrom() throws Exception {
        List<String> before = collectiveKeyFiles();
        Path added = new KeyForgery(data).addKey(2);

        Cli.Result status = new Cli(work).run("keys", "status");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.out()).contains("REFUSED: 2 collective keys", added.getFileName().toString(),
                "someone added a key");
        Cli.Result pinned = new Cli(work).env(PIN, printed).run("keys", "status");
        assertThat(pinned.out()).contains("REFUSED: the newest collective key file " + added, "is not the key pinned");
        Cli.Result doctor = new Cli(work).passphrase(PASSPHRASE).run("doctor");
        assertThat(doctor.exitCode()).isEqualTo(2);
        assertThat(doctor.out()).contains("PROBLEM  Collective key file " + added + " does not open with the "
                        + "passphrase that opens collective-" + printed.replace(" ", "") + ".key")
                .doesNotContain("is set but does not open");

        assertExplained(new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate"), added.toString(),
                "someone added or replaced it");
        assertThat(collectiveKeyFiles()).hasSize(2).containsAll(before);
    }

    @Test
    void aPrivateKeyThatDoesNotMatchItsPublicKeyIsAMismatchEvenWithTheRightPassphrase() throws Exception {
        Path altered = new KeyForgery(data).mismatch(keyId(), TestStorage.PASSPHRASE);

        Cli.Result doctor = new Cli(work).passphrase(PASSPHRASE).run("doctor");

        assertThat(doctor.exitCode()).isEqualTo(2);
        assertThat(doctor.out()).contains("PROBLEM  Collective key file " + altered + " opens with the passphrase, "
                + "but its private key does not match the public key beside it").doesNotContain("is set but does not open");
        assertExplained(new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate"), altered.toString(),
                "does not match the public key");
    }

    @Test
    void anInterruptedRotationStopsIntakeOnlyUntilRotateFinishesIt() throws Exception {
        new Keys(data, new SecureRandom(), Clock.systemUTC()).rotate(TestStorage.PASSPHRASE, Argon2Profile.TEST);
        // ... and the power went before the old key was deleted.

        Cli.Result interrupted = new Cli(work).run("keys", "status");
        assertThat(interrupted.exitCode()).isEqualTo(2);
        assertThat(interrupted.out()).contains("REFUSED: 2 collective keys", "a rotation was interrupted");

        Cli.Result rotate = new Cli(work).passphrase(PASSPHRASE).run("keys", "rotate");
        assertThat(rotate.exitCode()).as(rotate.all()).isZero();
        assertThat(rotate.out()).containsPattern("fingerprint [0-9]{5}( [0-9]{5}){5}\\.").contains(PIN);
        assertThat(collectiveKeyFiles()).hasSize(1);
        assertThat(new Cli(work).run("keys", "status").exitCode()).isZero();
    }

    @Test
    void aLegacyKeyIsShownWithItsFingerprintAndTheAdviceToPinOrRotate() throws Exception {
        String legacyId = new KeyForgery(data).asLegacy(keyId(), TestStorage.PASSPHRASE);

        Cli.Result status = new Cli(work).run("keys", "status");
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("collective key: " + legacyId + "  active")
                .contains("fingerprint:  " + printed + "  (legacy id: random, not its fingerprint; pin it with " + PIN)
                .contains("keys rotate");
        Cli.Result doctor = new Cli(work).run("doctor");
        assertThat(doctor.out()).contains("note     collective key " + legacyId + ": legacy id").contains("No problems found.");
        assertThat(new Cli(work).env(PIN, printed).run("keys", "status").exitCode()).isZero();
    }
}
