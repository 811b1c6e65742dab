package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
    private final ServerSecret secret = ServerSecret.generate(Fixtures.RANDOM);
    private final Pseudonyms pseudonyms = new Pseudonyms(secret);

    @Test
    void receiptHashIsStableForOneServerSecret() {
        assertThat(pseudonyms.receiptHash("1234567812345678"))
                .isEqualTo(pseudonyms.receiptHash("1234567812345678"))
                .isNotEqualTo(pseudonyms.receiptHash("1234567812345679"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anotherServerSecretGivesOtherHashes() {
        Pseudonyms other = new Pseudonyms(ServerSecret.generate(Fixtures.RANDOM));

        assertThat(other.receiptHash("1234")).isNotEqualTo(pseudonyms.receiptHash("1234"));
        assertThat(other.actorPseudonym(tg(42))).isNotEqualTo(pseudonyms.actorPseudonym(tg(42)));
    }

    @Test
    void receiptHashesActorPseudonymsAndDraftRowNamesAreDomainSeparated() {
        long id = 1234567812345678L;
        DraftCipher drafts = DraftCipher.generate(Fixtures.RANDOM);

        assertThat(pseudonyms.actorPseudonym(tg(id)))
                .isNotEqualTo(drafts.rowName(tg(id)))
                .isNotEqualTo(pseudonyms.receiptHash(Long.toString(id)));
        assertThat(drafts.rowName(tg(id))).isNotEqualTo(pseudonyms.receiptHash(Long.toString(id)));
    }

    @Test
    void receiptHashTakesDigitsOnly() {
        assertThatThrownBy(() -> pseudonyms.receiptHash("1234-5678")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("1234");
        assertThatThrownBy(() -> pseudonyms.receiptHash("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actorPseudonymHidesTheUserId() {
        assertThat(pseudonyms.actorPseudonym(tg(987654321L))).doesNotContain("987654321").matches("[0-9a-f]{64}");
        assertThat(pseudonyms.actorPseudonym(tg(1))).isNotEqualTo(pseudonyms.actorPseudonym(tg(2)));
    }

    @Test
    void serverSecretMustHave32Bytes() {
        assertThatThrownBy(() -> ServerSecret.of(SecretBytes.copyOf(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ConversationId tg(long telegramId) {
        return TelegramIds.conversation(telegramId);
    }
}
