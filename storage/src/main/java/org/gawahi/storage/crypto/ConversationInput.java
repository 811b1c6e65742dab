package org.gawahi.storage.crypto;

import java.util.Objects;

import org.gawahi.storage.conversation.ConversationId;

/**
 * What every derivation from a conversation (a draft's row name and key, an actor pseudonym, the
 * form's per-user name) feeds to its MAC. A Telegram conversation gives its eight bytes as they
 * are: exactly the big-endian chat id earlier releases fed, so every name and key already on disk
 * is derived again unchanged. Any other channel gives a labelled, length-prefixed encoding of its
 * channel and bytes, at least 30 bytes long, so it can never be taken for a Telegram id (always 8)
 * nor for another channel's conversation.
 */
final class ConversationInput {
    private static final String LABEL = "gawahi/conversation/v1";

    private ConversationInput() {
    }

    static byte[] of(ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        if (conversation.isTelegram()) {
            return conversation.bytes();
        }
        return new Canonical().string(LABEL).string(conversation.channel()).bytes(conversation.bytes()).toByteArray();
    }
}
