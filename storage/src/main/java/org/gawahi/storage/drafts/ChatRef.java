package org.gawahi.storage.drafts;

import java.util.Objects;

import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.conversation.TelegramIds;

/**
 * A chat, as the engine and storage see it: one {@link ConversationId}, whatever the channel.
 * The draft's row name and key are derived from the conversation; storage never writes it
 * itself. Prints as {@code [chat]} so that no log line or exception can carry the id.
 */
public final class ChatRef {
    private final ConversationId conversation;

    private ChatRef(ConversationId conversation) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
    }

    public static ChatRef of(ConversationId conversation) {
        return new ChatRef(conversation);
    }

    /**
     * A Telegram chat by its id: a convenience for tests. The Telegram adapter makes its chats
     * with {@code bot.telegram.TelegramChats}; ArchitectureTest forbids this to the rest of the bot.
     */
    public static ChatRef of(long telegramChatId) {
        return new ChatRef(TelegramIds.conversation(telegramChatId));
    }

    /** The conversation this chat is: what row names, keys and per-person state are derived from or keyed by. */
    public ConversationId conversation() {
        return conversation;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChatRef c && c.conversation.equals(conversation);
    }

    @Override
    public int hashCode() {
        return conversation.hashCode();
    }

    @Override
    public String toString() {
        return "[chat]";
    }
}
