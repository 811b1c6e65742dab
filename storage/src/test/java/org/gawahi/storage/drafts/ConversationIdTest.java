package org.gawahi.storage.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConversationIdTest {
    @Test
    void printsNeitherTheChannelsIdNorItsBytes() {
        ConversationId id = ChatRef.of(987654321987L).conversation();
        assertThat(id.toString()).isEqualTo("[conversation]").doesNotContain("987654321987");
        assertThat(String.valueOf(java.util.List.of(id, ConversationId.of("web", new byte[] {1, 2})))).doesNotContain("987");
    }

    @Test
    void theSameChatIsTheSameConversationAndAnotherChatOrChannelIsNot() {
        assertThat(ChatRef.of(42).conversation()).isEqualTo(ChatRef.of(42).conversation())
                .hasSameHashCodeAs(ChatRef.of(42).conversation());
        Set<ConversationId> seen = new HashSet<>();
        for (long chat : new long[] {0, 1, -1, 42, 256, Long.MAX_VALUE, Long.MIN_VALUE, -1001234567890L}) {
            assertThat(seen.add(ChatRef.of(chat).conversation())).as("chat %d", chat).isTrue();
        }
        byte[] same = ChatRef.of(42).conversation().bytes();
        assertThat(ConversationId.of("web", same)).isNotEqualTo(ChatRef.of(42).conversation());
        assertThat(ConversationId.of(ConversationId.TELEGRAM, same)).isEqualTo(ChatRef.of(42).conversation());
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
    }
}
