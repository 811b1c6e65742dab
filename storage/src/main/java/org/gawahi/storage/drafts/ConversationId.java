package org.gawahi.storage.drafts;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One conversation with one person, whatever the channel: the channel's name ("telegram", and
 * later "web") and the channel's own opaque bytes for it. Nothing outside the channel's adapter
 * reads the bytes; the engine and the desks only compare conversations. Prints as
 * {@code [conversation]}, so that no log line or exception can carry the id.
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
        return new ConversationId(channel, bytes.clone());
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
