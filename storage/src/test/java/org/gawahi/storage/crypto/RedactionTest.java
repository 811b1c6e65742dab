package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {
    @TempDir
    Path data;

    @Test
    void secretAndSecretBytesNeverPrintTheirContent() {
        Secret passphrase = Secret.of("my passphrase");
        SecretBytes plaintext = SecretBytes.utf8("she was beaten");

        assertThat(passphrase.toString()).isEqualTo("[REDACTED]");
        assertThat(plaintext.toString()).doesNotContain("beaten").startsWith("[REDACTED");
        assertThat(String.valueOf(new Object[] {passphrase, plaintext}.length)).isEqualTo("2");
        assertThat(java.util.List.of(passphrase, plaintext).toString()).doesNotContain("passphrase", "beaten");
    }

    @Test
    void vaultObjectsNeverPrintKeyMaterial() throws Exception {
        ServerSecret secret = ServerSecret.generate(Fixtures.RANDOM);

        assertThat(secret.toString()).isEqualTo("ServerSecret[REDACTED]");
        assertThat(new Pseudonyms(secret).toString()).isEqualTo("Pseudonyms[REDACTED]");
        assertThat(DraftCipher.generate(Fixtures.RANDOM).toString()).isEqualTo("DraftCipher[REDACTED]");
    }

    @Test
    void errorMessagesNeverContainThePassphrase() throws Exception {
        Keys keys = new Keys(data, Fixtures.RANDOM, Clock.systemUTC());
        keys.init(Secret.of("right passphrase"), Argon2Profile.TEST);

        try {
            keys.unlock(Secret.of("wrong passphrase"));
        } catch (WrongPassphraseException e) {
            assertThat(e.getMessage()).doesNotContain("wrong passphrase").doesNotContain("right");
            assertThat(e.getCause()).isNull();
            return;
        }
        throw new AssertionError("unlock with a wrong passphrase succeeded");
    }

    @Test
    void wipedSecretBytesHoldOnlyZeros() {
        SecretBytes key = SecretBytes.copyOf(new byte[] {1, 2, 3});
        key.wipe();

        assertThat(key.bytes()).containsOnly(0);
    }

    @Test
    void closedServerSecretAndItsDerivationsRefuseToWork() {
        ServerSecret secret = ServerSecret.generate(Fixtures.RANDOM);
        DraftCipher drafts = DraftCipher.generate(Fixtures.RANDOM);
        Pseudonyms pseudonyms = new Pseudonyms(secret);
        secret.close();
        drafts.close();
        pseudonyms.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Pseudonyms(secret))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drafts.rowName(org.gawahi.storage.conversation.TelegramIds.conversation(1)))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drafts.encrypt(org.gawahi.storage.conversation.TelegramIds.conversation(1), SecretBytes.utf8("x")))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pseudonyms.actorPseudonym(org.gawahi.storage.conversation.TelegramIds.conversation(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
