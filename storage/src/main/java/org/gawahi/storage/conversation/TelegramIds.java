package org.gawahi.storage.conversation;

import java.nio.ByteBuffer;

/**
 * A Telegram chat or user id as a {@link ConversationId}, and back. For the Telegram adapter
 * (which reaches it through {@code bot.telegram.TelegramChats}) and for the two formats that
 * wrote a Telegram id as a number before conversations were neutral: the role table and the
 * contact handle, which keep writing it so. ArchitectureTest forbids it to the rest of the bot.
 */
public final class TelegramIds {
    private TelegramIds() {
    }

    /** The conversation of this Telegram id: channel {@code telegram}, the id's eight bytes, big-endian. */
    public static ConversationId conversation(long telegramId) {
        return ConversationId.of(ConversationId.TELEGRAM, ByteBuffer.allocate(Long.BYTES).putLong(telegramId).array());
    }

    /**
     * The Telegram id of a Telegram conversation.
     *
     * @throws IllegalArgumentException for a conversation of another channel
     */
    public static long id(ConversationId conversation) {
        if (!conversation.isTelegram()) {
            throw new IllegalArgumentException("not a Telegram conversation");
        }
        return ByteBuffer.wrap(conversation.bytes()).getLong();
    }
}
