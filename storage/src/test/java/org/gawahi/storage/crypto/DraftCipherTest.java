package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import org.gawahi.config.secret.SecretBytes;
import org.junit.jupiter.api.Test;

class DraftCipherTest {
    private static final long CHAT_A = 1_234_567_890L;
    private static final long CHAT_B = 1_234_567_891L;

    private final DraftCipher cipher = new DraftCipher(ServerSecret.generate(Fixtures.RANDOM), Fixtures.RANDOM);

    @Test
    void draftRoundTrips() throws Exception {
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("{\"q3\":\"two vans\"}"));

        assertThat(cipher.decrypt(CHAT_A, encrypted).utf8String()).isEqualTo("{\"q3\":\"two vans\"}");
    }

    @Test
    void twoChatsGetDifferentRowNames() {
        assertThat(cipher.rowName(CHAT_A)).isNotEqualTo(cipher.rowName(CHAT_B)).matches("[0-9a-f]{64}");
        assertThat(cipher.rowName(CHAT_A)).isEqualTo(cipher.rowName(CHAT_A));
    }

    @Test
    void rowNameDoesNotContainTheChatId() {
        assertThat(cipher.rowName(CHAT_A)).doesNotContain(Long.toString(CHAT_A)).doesNotContain(Long.toHexString(CHAT_A));
    }

    @Test
    void draftOfChatACannotBeOpenedAsChatB() {
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("draft"));

        assertThatThrownBy(() -> cipher.decrypt(CHAT_B, encrypted)).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void anotherServerSecretCannotOpenTheDraftNorNameTheRow() {
        DraftCipher other = new DraftCipher(ServerSecret.generate(Fixtures.RANDOM), Fixtures.RANDOM);
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("draft"));

        assertThatThrownBy(() -> other.decrypt(CHAT_A, encrypted)).isInstanceOf(CannotOpenException.class);
        assertThat(other.rowName(CHAT_A)).isNotEqualTo(cipher.rowName(CHAT_A));
    }

    @Test
    void sameServerSecretGivesSameNamesAndKeysAfterRestart() throws Exception {
        byte[] secret = new byte[32];
        Fixtures.RANDOM.nextBytes(secret);
        DraftCipher before = new DraftCipher(ServerSecret.of(SecretBytes.copyOf(secret)), Fixtures.RANDOM);
        DraftCipher after = new DraftCipher(ServerSecret.of(SecretBytes.copyOf(secret)), Fixtures.RANDOM);

        assertThat(after.rowName(CHAT_A)).isEqualTo(before.rowName(CHAT_A));
        assertThat(after.decrypt(CHAT_A, before.encrypt(CHAT_A, SecretBytes.utf8("x"))).utf8String()).isEqualTo("x");
    }

    @Test
    void everyFlippedByteOrTruncationIsRefusedWithCannotOpen() {
        byte[] encrypted = cipher.encrypt(CHAT_A, SecretBytes.utf8("a draft of some length"));

        for (int i = 0; i < encrypted.length; i++) {
            byte[] damaged = encrypted.clone();
            damaged[i] ^= 0x01;
            assertThat(catchThrowable(() -> cipher.decrypt(CHAT_A, damaged))).as("flip at %d", i)
                    .isInstanceOf(CannotOpenException.class);
            byte[] truncated = Arrays.copyOf(encrypted, i);
            assertThat(catchThrowable(() -> cipher.decrypt(CHAT_A, truncated))).as("truncated to %d", i)
                    .isInstanceOf(CannotOpenException.class);
        }
        assertThat(catchThrowable(() -> cipher.decrypt(CHAT_A, null))).isInstanceOf(CannotOpenException.class);
    }

    @Test
    void encryptingTwiceGivesDifferentCiphertexts() {
        assertThat(cipher.encrypt(CHAT_A, SecretBytes.utf8("same")))
                .isNotEqualTo(cipher.encrypt(CHAT_A, SecretBytes.utf8("same")));
    }

    @Test
    void printsNoKeyMaterial() {
        assertThat(cipher.toString()).isEqualTo("DraftCipher[REDACTED]");
    }
}
