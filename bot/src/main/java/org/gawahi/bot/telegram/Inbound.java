package org.gawahi.bot.telegram;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.gawahi.bot.interview.Input;
import org.gawahi.storage.drafts.ChatRef;

/**
 * One Telegram update, reduced to what the bot acts on. The chat is a {@link ChatRef} (it prints
 * as {@code [chat]}); nothing here prints an id, a name or a text.
 */
sealed interface Inbound {

    /** The callback query to answer, whatever else happens. */
    Optional<String> callbackQueryId();

    /** Nothing for the bot: another update type, a channel, a group's chatter. */
    record Ignored(Optional<String> callbackQueryId) implements Inbound {
        @Override
        public String toString() {
            return "Ignored";
        }
    }

    /** Something the person did in her private chat, for the engine. */
    record ToEngine(ChatRef chat, String languageCode, Input input, OptionalInt personMessageId,
                    OptionalInt pressedMessageId, Optional<String> callbackQueryId) implements Inbound {
        public ToEngine {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(input, "input");
        }

        @Override
        public String toString() {
            return "ToEngine[" + input + "]";
        }
    }

    /** She edited a message she had sent: that changes nothing, and she is told so. */
    record Edited(ChatRef chat, String languageCode) implements Inbound {
        @Override
        public Optional<String> callbackQueryId() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "Edited";
        }
    }

    /** A command addressed to the bot in a group: the bot works only in private chats. */
    record GroupCommand(ChatRef group, String languageCode) implements Inbound {
        @Override
        public Optional<String> callbackQueryId() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "GroupCommand";
        }
    }

    /** The ✓ under a receipt. */
    record ClearChat(ChatRef chat, String languageCode, int pressedMessageId, Optional<String> callbackQueryId)
            implements Inbound {
        @Override
        public String toString() {
            return "ClearChat";
        }
    }
}
