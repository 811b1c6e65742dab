package org.gawahi.storage.conversation;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One conversation with one person, whatever the channel: the channel's name ("telegram", "web",
 * "terminal") and the channel's own opaque bytes for it. Nothing outside the channel's adapter
 * reads the bytes; the engine and the desks only compare conversations, and storage derives row
 * names and keys from them (see {@code storage.crypto}'s derivations: a Telegram conversation
 * derives exactly what its chat id did before this type existed). Prints as
 * {@code [conversation]}, so that no log line or exception can carry the id.
 *
 * <p>A Telegram conversation is always the chat's (or user's) id as eight bytes, big-endian
 * ({@link TelegramIds}); any other channel chooses its own bytes.
 */
public final class ConversationId {
    public static final String TELEGRAM = "telegram";
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final String channel;
    private final byte[] bytes;

    private ConversationId(String channel, byte[] bytes) {
        this.channel = channel;
        this.bytes = bytes;
    }

    /** A conversation of {@code channel}; the bytes are copied. */
    public static ConversationId of(String channel, byte[] bytes) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(bytes, "bytes");
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("a channel is a short lower-case name");
        }
        if (bytes.length == 0 || bytes.length > 64) {
            throw new IllegalArgumentException("a conversation id has 1 to 64 bytes");
        }
        if (channel.equals(TELEGRAM) && bytes.length != Long.BYTES) {
            throw new IllegalArgumentException("a Telegram conversation id has 8 bytes");
        }
        return new ConversationId(channel, bytes.clone());
    }

    /** Whether this is a Telegram chat (or user), whose bytes are its id. */
    public boolean isTelegram() {
        return channel.equals(TELEGRAM);
    }

    public String channel() {
        return channel;
    }

    /** The channel's own bytes, a copy: for the channel's adapter and key derivations only. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationId c && c.channel.equals(channel) && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * channel.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "[conversation]";
    }
}
