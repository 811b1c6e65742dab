package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.Test;

class TelegramChatsTest {
    @Test
    void aTelegramIdIsItsEightBytesBigEndianAndComesBackUnchanged() {
        for (long id : new long[] {0, 1, -1, 987_654_321L, -1_001_234_567_890L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            ChatRef chat = TelegramChats.ref(id);

            assertThat(chat.conversation().channel()).isEqualTo(ConversationId.TELEGRAM);
            assertThat(chat.conversation().bytes()).isEqualTo(ByteBuffer.allocate(8).putLong(id).array());
            assertThat(chat).isEqualTo(ChatRef.of(id)).isEqualTo(ChatRef.of(TelegramChats.conversation(id)));
            assertThat(TelegramChats.id(chat)).isEqualTo(id);
        }
    }

    @Test
    void aChatOfAnotherChannelHasNoTelegramIdToSendTo() {
        ChatRef web = ChatRef.of(ConversationId.of("web", TelegramChats.conversation(42).bytes()));

        assertThat(web).isNotEqualTo(TelegramChats.ref(42));
        assertThatThrownBy(() -> TelegramChats.id(web)).isInstanceOf(IllegalArgumentException.class);
    }
}
