package org.gawahi.storage.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation that is not a Telegram chat (a web form's session, say) goes through the same
 * stores without inventing a Telegram id: a draft of its own, a submission and a receipt. Its
 * draft row is its own even when its bytes are a Telegram chat's: the two never share a row or open
 * each other's draft.
 */
class WebConversationTest {
    private static final ChatRef TELEGRAM_CHAT = ChatRef.of(987_654_321_012L);
    private static final ChatRef WEB = ChatRef.of(ConversationId.of("web", TELEGRAM_CHAT.conversation().bytes()));

    @TempDir
    Path data;

    @Test
    void aWebConversationKeepsItsOwnDraftBesideATelegramChatWithTheSameBytes() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(TELEGRAM_CHAT, SecretBytes.utf8("telegram draft"));
            storage.drafts.save(WEB, SecretBytes.utf8("web draft"));

            assertThat(storage.drafts.count()).isEqualTo(2);
            assertThat(storage.cipher.rowName(WEB.conversation())).isNotEqualTo(storage.cipher.rowName(TELEGRAM_CHAT.conversation()));
            assertThat(storage.drafts.load(WEB).orElseThrow().utf8String()).isEqualTo("web draft");
            assertThat(storage.drafts.load(TELEGRAM_CHAT).orElseThrow().utf8String()).isEqualTo("telegram draft");

            storage.drafts.erase(WEB);
            assertThat(storage.drafts.load(WEB)).isEmpty();
            assertThat(storage.drafts.load(TELEGRAM_CHAT)).isPresent();
        }
    }

    @Test
    void aWebConversationSubmitsAndGetsAReceiptAndItsDraftGoes() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(WEB, SecretBytes.utf8("web draft"));
            storage.drafts.save(TELEGRAM_CHAT, SecretBytes.utf8("telegram draft"));

            ReceiptCode receipt = storage.submissions.submit(WEB, SecretBytes.utf8("{\"q1\":\"yes\"}"), Arrival.ORDINARY);

            assertThat(storage.submissions.status(receipt)).contains(TestimonyStatus.PENDING);
            assertThat(storage.drafts.load(WEB)).isEmpty();
            assertThat(storage.drafts.load(TELEGRAM_CHAT)).isPresent();
        }
    }

    /** A contact handle holds a Telegram chat id (its format); a web conversation cannot ask for one yet. */
    @Test
    void aWebConversationAskingToBeContactedStoresNothingAndKeepsItsDraft() throws Exception {
        try (TestStorage storage = TestStorage.create(data)) {
            storage.drafts.save(WEB, SecretBytes.utf8("web draft"));

            assertThatThrownBy(() -> storage.submissions.submit(WEB, SecretBytes.utf8("{\"q1\":\"yes\"}"),
                    new Arrival(false, Optional.of("en")))).isInstanceOf(IllegalArgumentException.class);

            assertThat(storage.drafts.load(WEB)).isPresent();
            assertThat(new org.gawahi.storage.testimony.TestimonyTable(storage.db).sealedRows()).isEmpty();
        }
    }
}
