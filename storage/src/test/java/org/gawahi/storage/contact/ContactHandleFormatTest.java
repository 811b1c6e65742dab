package org.gawahi.storage.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.Test;

/**
 * A contact handle's plaintext, before it is sealed: her Telegram chat id as a number, as every
 * earlier release wrote it, so handles already on disk still reach her.
 */
class ContactHandleFormatTest {
    private static final String PLAINTEXT = "{\"version\":1,\"chat\":-1001234567890,\"language\":\"hi\"}";

    @Test
    void aTelegramChatIsWrittenAsItsIdAsEarlierReleasesDid() {
        try (SecretBytes plain = ContactHandles.encode(ChatRef.of(-1_001_234_567_890L), "hi")) {
            assertThat(plain.utf8String()).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void aHandleWrittenByAnEarlierReleaseOpensToTheSameChat() {
        ContactHandle handle = ContactHandles.decode("t-1", SecretBytes.utf8(PLAINTEXT));

        assertThat(handle.chat()).isEqualTo(ChatRef.of(-1_001_234_567_890L));
        assertThat(handle.language()).isEqualTo("hi");
    }
}
