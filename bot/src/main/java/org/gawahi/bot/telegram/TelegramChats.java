package org.gawahi.bot.telegram;

import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;
import org.gawahi.storage.drafts.ChatRef;

/**
 * The one place a Telegram chat or user id (a {@code long}) becomes a {@link ChatRef} or a
 * {@link ConversationId}, and back: the adapter's edge. Past it, the engine, the desks and
 * storage see only the neutral conversation. The other edges that meet a typed or signed
 * Telegram id (the Mini App's signed user, the CLI's {@code gawahi roles}) convert through here
 * too; ArchitectureTest names them.
 */
public final class TelegramChats {
    private TelegramChats() {
    }

    /** The chat with this Telegram chat id (in a private chat, the user's id). */
    public static ChatRef ref(long telegramId) {
        return ChatRef.of(conversation(telegramId));
    }

    /** The conversation of this Telegram chat or user id. */
    public static ConversationId conversation(long telegramId) {
        return TelegramIds.conversation(telegramId);
    }

    /**
     * The Telegram id of a chat, to call the Bot API with.
     *
     * @throws IllegalArgumentException for a chat of another channel, which Telegram cannot reach
     */
    public static long id(ChatRef chat) {
        return TelegramIds.id(chat.conversation());
    }

    /** The Telegram id of a conversation: for the CLI's list of role holders. */
    public static long id(ConversationId conversation) {
        return TelegramIds.id(conversation);
    }
}
