package org.gawahi.bot.telegram.emulator;

import java.util.Arrays;
import java.util.Objects;

/** A document or photo the bot sent; kept even after its message is deleted. */
public final class SentFile {
    private final long chatId;
    private final int messageId;
    private final ChatMessage.Kind kind;
    private final String fileId;
    private final String fileName;
    private final byte[] bytes;
    private final String caption;
    private final boolean protectContent;

    SentFile(long chatId, int messageId, ChatMessage.Kind kind, String fileId, String fileName, byte[] bytes,
             String caption, boolean protectContent) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.kind = Objects.requireNonNull(kind);
        this.fileId = Objects.requireNonNull(fileId);
        this.fileName = Objects.requireNonNull(fileName);
        this.bytes = bytes.clone();
        this.caption = Objects.requireNonNull(caption);
        this.protectContent = protectContent;
    }

    public long chatId() {
        return chatId;
    }

    public int messageId() {
        return messageId;
    }

    public ChatMessage.Kind kind() {
        return kind;
    }

    public String fileId() {
        return fileId;
    }

    public String fileName() {
        return fileName;
    }

    /** A copy of the bytes received. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** "" when none. */
    public String caption() {
        return caption;
    }

    public boolean protectContent() {
        return protectContent;
    }

    SentFile resentAs(long newChatId, int newMessageId, String newCaption, boolean newProtect) {
        return new SentFile(newChatId, newMessageId, kind, fileId, fileName, bytes, newCaption, newProtect);
    }

    /** Contents are left out: they may be testimony. */
    @Override
    public String toString() {
        return "SentFile[chat=" + chatId + ", message=" + messageId + ", kind=" + kind + ", name=" + fileName
                + ", size=" + bytes.length + ", protect=" + protectContent + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SentFile that && chatId == that.chatId && messageId == that.messageId
                && fileId.equals(that.fileId) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chatId, messageId, fileId);
    }
}
