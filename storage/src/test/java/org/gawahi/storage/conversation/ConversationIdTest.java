package org.gawahi.storage.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConversationIdTest {
    @Test
    void printsNeitherTheChannelsIdNorItsBytes() {
        ConversationId id = TelegramIds.conversation(987654321987L);
        assertThat(id.toString()).isEqualTo("[conversation]").doesNotContain("987654321987");
        assertThat(String.valueOf(java.util.List.of(id, ConversationId.of("web", new byte[] {1, 2})))).doesNotContain("987");
    }

    @Test
    void theSameChatIsTheSameConversationAndAnotherChatOrChannelIsNot() {
        assertThat(TelegramIds.conversation(42)).isEqualTo(TelegramIds.conversation(42))
                .hasSameHashCodeAs(TelegramIds.conversation(42));
        Set<ConversationId> seen = new HashSet<>();
        for (long chat : new long[] {0, 1, -1, 42, 256, Long.MAX_VALUE, Long.MIN_VALUE, -1001234567890L}) {
            assertThat(seen.add(TelegramIds.conversation(chat))).as("chat %d", chat).isTrue();
        }
        byte[] same = TelegramIds.conversation(42).bytes();
        assertThat(ConversationId.of("web", same)).isNotEqualTo(TelegramIds.conversation(42));
        assertThat(ConversationId.of(ConversationId.TELEGRAM, same)).isEqualTo(TelegramIds.conversation(42));
    }

    @Test
    void itsBytesCannotBeChangedFromOutside() {
        byte[] given = "session".getBytes(StandardCharsets.UTF_8);
        ConversationId id = ConversationId.of("web", given);
        given[0] = 'X';
        id.bytes()[1] = 'X';
        assertThat(id).isEqualTo(ConversationId.of("web", "session".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesAnEmptyOrOverlongIdAndAChannelThatIsNotAName() {
        assertThatThrownBy(() -> ConversationId.of("web", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationId.of("web", new byte[65])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationId.of("Web Form", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationId.of("", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationId.of(ConversationId.TELEGRAM, new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTelegramIdComesBackFromItsConversationAndFromNoOtherChannels() {
        for (long chat : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, -1001234567890L}) {
            assertThat(TelegramIds.id(TelegramIds.conversation(chat))).isEqualTo(chat);
        }
        assertThatThrownBy(() -> TelegramIds.id(ConversationId.of("web", TelegramIds.conversation(42).bytes())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("42");
    }
}
