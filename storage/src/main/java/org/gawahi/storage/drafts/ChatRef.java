package org.gawahi.storage.drafts;

/**
 * A chat, as the engine and storage see it. It holds the Telegram chat id in memory only,
 * for the reply and to derive the draft's row name and key; it prints as {@code [chat]} so
 * that no log line or exception can carry the id. Storage never writes the id itself.
 */
public final class ChatRef {
    private final long id;

    private ChatRef(long id) {
        this.id = id;
    }

    public static ChatRef of(long id) {
        return new ChatRef(id);
    }

    /**
     * The same chat as a channel-neutral {@link ConversationId} ({@code telegram}, the id's eight
     * bytes, big-endian): what code outside the Telegram adapter keys its state by.
     */
    public ConversationId conversation() {
        return ConversationId.of(ConversationId.TELEGRAM, java.nio.ByteBuffer.allocate(Long.BYTES).putLong(id).array());
    }

    /** The raw id: for the crypto that names and seals drafts, and for the reply. Never log it. */
    public long id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChatRef c && c.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "[chat]";
    }
}
