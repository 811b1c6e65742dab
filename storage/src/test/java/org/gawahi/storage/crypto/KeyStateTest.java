package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.gawahi.config.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStateTest {
    private static final Secret PASSPHRASE = Secret.of("a long enough passphrase");

    @TempDir
    Path data;

    private Keys keys() {
        return new Keys(data, Fixtures.RANDOM, Clock.systemUTC());
    }

    @Test
    void emptyDataDirectoryHasNoKeys() throws Exception {
        KeyState state = keys().state();

        assertThat(state.readiness()).isEqualTo(KeyState.Readiness.NO_KEYS);
        assertThat(state.collectiveKeys()).isEmpty();
        assertThat(state.activeKeyId()).isEmpty();
        assertThat(state.serverSecretPresent()).isFalse();
    }

    @Test
    void initialisedDataDirectoryIsReadyForIntake() throws Exception {
        String keyId = keys().init(PASSPHRASE, Argon2Profile.TEST).keyId();

        KeyState state = keys().state();

        assertThat(state.readiness()).isEqualTo(KeyState.Readiness.INTAKE_ONLY);
        assertThat(state.activeKeyId()).contains(keyId);
        assertThat(state.serverSecretPresent()).isTrue();
    }

    @Test
    void missingServerSecretIsIncomplete() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Files.delete(data.resolve("keys/server.secret"));

        assertThat(keys().state().readiness()).isEqualTo(KeyState.Readiness.INCOMPLETE);
        assertThatThrownBy(() -> keys().serverSecret()).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("server.secret").hasMessageContaining("missing");
    }

    @Test
    void damagedOrTruncatedServerSecretIsReportedNamingTheFile() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        Path file = data.resolve("keys/server.secret");
        byte[] whole = Files.readAllBytes(file);

        for (int i = 0; i < whole.length; i++) {
            byte[] damaged = whole.clone();
            damaged[i] ^= 0x01;
            Files.write(file, damaged);
            assertThatThrownBy(() -> keys().serverSecret()).as("flip at %d", i)
                    .isInstanceOf(KeyFileException.class)
                    .hasMessage("server secret file " + file + " is truncated or damaged; restore it from your backup");
            Files.write(file, java.util.Arrays.copyOf(whole, i));
            assertThatThrownBy(() -> keys().state()).as("truncated to %d", i).isInstanceOf(KeyFileException.class);
        }
    }

    @Test
    void serverSecretSurvivesARestart() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);

        try (ServerSecret first = keys().serverSecret(); ServerSecret second = keys().serverSecret()) {
            assertThat(new Pseudonyms(first).receiptHash("42")).isEqualTo(new Pseudonyms(second).receiptHash("42"));
        }
    }

    @Test
    void serverSecretFileIsMagicVersionSecretAndCheck() throws Exception {
        keys().init(PASSPHRASE, Argon2Profile.TEST);
        byte[] content = Files.readAllBytes(data.resolve("keys/server.secret"));

        assertThat(content).hasSize(4 + 1 + 32 + 8);
        assertThat(new String(content, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GWHS");
        assertThat(content[4]).isEqualTo((byte) 1);
    }
}
