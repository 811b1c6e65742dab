package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {
    private static final Secret PASSPHRASE = Secret.of("हमारी गवाही, our testimony");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:15:30.123Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private Keys keys() {
        return new Keys(data, Fixtures.RANDOM, CLOCK);
    }

    private Path onlyCollectiveKeyFile() throws Exception {
        try (var files = Files.list(data.resolve("keys"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("collective-")).findFirst().orElseThrow();
        }
    }

    @Test
    void intakeSealsWithoutPassphraseAndUnlockedOpenerOpens() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Sealer sealer = keys().sealer();
        byte[] ad = Fixtures.ad(sealer.keyId());
        byte[] sealed = sealer.seal(SecretBytes.utf8("they took our phones"), ad);

        try (Opener opener = keys().unlock(PASSPHRASE)) {
            assertThat(opener.open(sealed, ad).utf8String()).isEqualTo("they took our phones");
        }
    }

    @Test
    void initReportsTheNewActiveKey() throws Exception {
        KeyInfo info = keys().init(PASSPHRASE, Argon2Profile.TEST);

        assertThat(info.keyId()).matches("[0-9]{30}").isEqualTo(info.fingerprint().digits());
        assertThat(info.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(info.created()).isEqualTo(Instant.parse("2026-11-02T10:15:30Z"));
        assertThat(keys().sealer().keyId()).isEqualTo(info.keyId());
        assertThat(data.resolve("keys/collective-" + info.keyId() + ".key")).exists();
    }

    @Test
    void initRefusesToOverwriteExistingKeys() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path keyFile = onlyCollectiveKeyFile();
        byte[] before = Files.readAllBytes(keyFile);
        byte[] secretBefore = Files.readAllBytes(data.resolve("keys/server.secret"));

        assertThatThrownBy(() -> keys().init(Secret.of("another passphrase"), Argon2Profile.TEST))
                .isInstanceOf(KeysExistException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(before);
        assertThat(Files.readAllBytes(data.resolve("keys/server.secret"))).isEqualTo(secretBefore);
        try (var files = Files.list(data.resolve("keys"))) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void initRefusesWhenOnlyTheServerSecretExists() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Files.delete(onlyCollectiveKeyFile());

        assertThatThrownBy(() -> keys().init(PASSPHRASE, Argon2Profile.TEST)).isInstanceOf(KeysExistException.class);
    }

    @Test
    void keyFilesAreReadableByTheOwnerOnly() throws Exception {
        assumeThat(PrivateFiles.isPosix(data)).isTrue();
        keys().init(PASSPHRASE, Argon2Profile.TEST);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onlyCollectiveKeyFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/server.secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        keys().rotate(PASSPHRASE, Argon2Profile.TEST);

        try (var files = Files.list(data.resolve("keys"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> !n.startsWith("."));
        }
    }

    @Test
    void wrongPassphraseIsReportedKindly() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);

        assertThatThrownBy(() -> keys().unlock(Secret.of("हमारी गवाही, our testimon")))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("the passphrase does not open the collective key");
    }

    @Test
    void passphraseIsComparedAfterUnicodeNormalisation() throws Exception {
        keys().init(Secret.of("caf\u00e9 quartier"), Argon2Profile.TEST);

        keys().unlock(Secret.of("cafe\u0301 quartier")).close();
    }

    @Test
    void blankPassphraseIsRefused() {
        assertThatThrownBy(() -> keys().init(Secret.of("  "), Argon2Profile.TEST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTruncationOfTheKeyFileIsReportedAsDamageNamingTheFile() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path keyFile = onlyCollectiveKeyFile();
        byte[] whole = Files.readAllBytes(keyFile);

        for (int length = 0; length < whole.length; length++) {
            Files.write(keyFile, Arrays.copyOf(whole, length));
            Throwable thrown = catchThrowable(() -> keys().sealer());
            assertThat(thrown).as("truncated to %d", length)
                    .isInstanceOf(KeyFileException.class)
                    .hasMessage("collective key file " + keyFile
                            + " is truncated or damaged; restore it from your backup");
            assertThat(((KeyFileException) thrown).file()).isEqualTo(keyFile);
        }
    }

    @Test
    void everyFlippedByteOfTheKeyFileIsReportedAsDamage() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path keyFile = onlyCollectiveKeyFile();
        byte[] whole = Files.readAllBytes(keyFile);

        for (int i = 0; i < whole.length; i++) {
            byte[] damaged = whole.clone();
            damaged[i] ^= 0x01;
            Files.write(keyFile, damaged);
            assertThat(catchThrowable(() -> keys().sealer())).as("flip at %d", i)
                    .isInstanceOf(KeyFileException.class)
                    .hasMessageContaining("is truncated or damaged");
        }
    }

    @Test
    void damagedKeyFileIsReportedOnUnlockBeforeAnyPassphraseCheck() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path keyFile = onlyCollectiveKeyFile();
        String json = Files.readString(keyFile);
        Files.writeString(keyFile, json.replace("\"iterations\" : 1", "\"iterations\" : 2"));

        assertThatThrownBy(() -> keys().unlock(PASSPHRASE)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining(keyFile.toString());
    }

    @Test
    void keyFileRenamedToAnotherKeyIdIsReportedAsDamage() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path keyFile = onlyCollectiveKeyFile();
        Path renamed = keyFile.resolveSibling("collective-0123456789abcdef.key");
        Files.move(keyFile, renamed);

        assertThatThrownBy(() -> keys().sealer()).isInstanceOf(KeyFileException.class)
                .hasMessageContaining(renamed.toString());
    }

    @Test
    void wrappedKeyPairedWithAnotherPublicKeyDoesNotUnwrap() throws Exception {
        KeyFile file = legacyKeyFile();
        byte[] otherPublic = Hpke.publicKeyOf(Hpke.generatePrivateKey(Fixtures.RANDOM));
        KeyFile forged = new KeyFile(file.kind(), file.keyId(), file.generation(), file.created(), otherPublic,
                file.kdf(), file.salt(), file.nonce(), file.wrapped());

        // A random (legacy) id vouches for no public key, so only the wrapping notices; PinnedKeysTest
        // shows that a fingerprint id, or a pin, names the swap for what it is.
        assertThatThrownBy(() -> forged.unwrap(PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
        file.unwrap(PASSPHRASE).close();
    }

    private static KeyFile legacyKeyFile() {
        byte[] privateKey = Hpke.generatePrivateKey(Fixtures.RANDOM);
        try (SecretBytes secret = SecretBytes.adopt(privateKey.clone())) {
            return KeyFile.wrap(KeyKind.COLLECTIVE, KeyIds.random(Fixtures.RANDOM), 1, CLOCK.instant(),
                    Hpke.publicKeyOf(privateKey), secret, PASSPHRASE, Argon2Profile.TEST.params(), Fixtures.RANDOM);
        }
    }

    @Test
    void keyFileContainsNeitherThePrivateKeyNorThePassphrase() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path keyFile = onlyCollectiveKeyFile();
        byte[] content = Files.readAllBytes(keyFile);
        KeyFile file = KeyFileCodec.decode(keyFile, KeyKind.COLLECTIVE, content);
        byte[] privateKey = file.unwrap(PASSPHRASE).bytes();
        String text = new String(content, StandardCharsets.ISO_8859_1);

        assertThat(indexOf(content, privateKey)).isNegative();
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(privateKey))
                .doesNotContain(HexFormat.of().formatHex(privateKey))
                .doesNotContain(Base64.getEncoder().encodeToString(privateKey).substring(0, 20));
        assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain(PASSPHRASE.reveal())
                .doesNotContain("testimony");
    }

    @Test
    void defaultProfileParametersAreWrittenToTheFile() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.DEFAULT);
        JsonNode json = new ObjectMapper().readTree(onlyCollectiveKeyFile().toFile());

        assertThat(json.at("/wrap/kdf").asText()).isEqualTo("argon2id");
        assertThat(json.at("/wrap/kdfVersion").asInt()).isEqualTo(0x13);
        assertThat(json.at("/wrap/memoryKiB").asInt()).isEqualTo(47_104);
        assertThat(json.at("/wrap/iterations").asInt()).isEqualTo(1);
        assertThat(json.at("/wrap/parallelism").asInt()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(json.at("/wrap/salt").asText())).hasSize(16);
        assertThat(Base64.getDecoder().decode(json.at("/wrap/nonce").asText())).hasSize(12);
        assertThat(json.at("/format").asText()).isEqualTo("gawahi-key");
        assertThat(json.at("/version").asInt()).isEqualTo(1);
        keys().unlock(PASSPHRASE).close();
    }

    @Test
    void eachKeyFileHasItsOwnSaltAndNonce() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        keys().rotate(PASSPHRASE, Argon2Profile.TEST);

        var files = new KeyDirectory(data).read(KeyKind.COLLECTIVE);
        assertThat(files.get(0).salt()).isNotEqualTo(files.get(1).salt());
        assertThat(files.get(0).nonce()).isNotEqualTo(files.get(1).nonce());
    }

    @Test
    void missingKeysAreReportedWithTheDirectory() {
        assertThatThrownBy(() -> keys().sealer()).isInstanceOf(KeyFileException.class)
                .hasMessageContaining(data.resolve("keys").toString())
                .hasMessageContaining("keys init");
        assertThatThrownBy(() -> keys().unlock(PASSPHRASE)).isInstanceOf(KeyFileException.class);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
