package org.gawahi.bot.telegram;

import java.util.Optional;
import java.util.OptionalInt;

import org.gawahi.bot.interview.Input;
import org.gawahi.storage.drafts.ChatRef;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Reads a Telegram update into an {@link Inbound}. The bot talks only in private chats. In a
 * group, a command addressed to it gets one short reply per group (see
 * {@link UpdateProcessor}) so that whoever added it learns why it is silent; everything else
 * from groups, and channel posts (which the bot does not even ask for), is ignored.
 */
final class UpdateMapper {

    Inbound map(Update update) {
        if (update.getCallbackQuery() != null) {
            return callback(update.getCallbackQuery());
        }
        if (update.getMessage() != null) {
            return message(update.getMessage());
        }
        if (update.getEditedMessage() != null) {
            Message edited = update.getEditedMessage();
            return isPrivate(edited.getChat())
                    ? new Inbound.Edited(TelegramChats.ref(edited.getChatId()), languageOf(edited.getFrom()))
                    : new Inbound.Ignored(Optional.empty());
        }
        return new Inbound.Ignored(Optional.empty());
    }

    private Inbound callback(CallbackQuery query) {
        Optional<String> queryId = Optional.ofNullable(query.getId());
        MaybeInaccessibleMessage on = query.getMessage();
        if (on == null || on.getChat() == null || !isPrivate(on.getChat()) || query.getData() == null) {
            // An inline-mode or game button, or a button in a group: nothing of ours.
            return new Inbound.Ignored(queryId);
        }
        ChatRef chat = TelegramChats.ref(on.getChatId());
        String language = languageOf(query.getFrom());
        OptionalInt pressedOn = on.getMessageId() == null ? OptionalInt.empty() : OptionalInt.of(on.getMessageId());
        if (Presenter.CLEAR_DATA.equals(query.getData()) && pressedOn.isPresent()) {
            return new Inbound.ClearChat(chat, language, pressedOn.getAsInt(), queryId);
        }
        return new Inbound.ToEngine(chat, language, new Input.Press(query.getData()), OptionalInt.empty(), pressedOn,
                queryId);
    }

    private Inbound message(Message message) {
        Chat chat = message.getChat();
        if (chat == null) {
            return new Inbound.Ignored(Optional.empty());
        }
        String language = languageOf(message.getFrom());
        if (!isPrivate(chat)) {
            boolean isGroup = Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat());
            boolean command = message.hasText() && message.getText().strip().startsWith("/");
            return isGroup && command ? new Inbound.GroupCommand(TelegramChats.ref(chat.getId()), language)
                    : new Inbound.Ignored(Optional.empty());
        }
        OptionalInt own = message.getMessageId() == null ? OptionalInt.empty() : OptionalInt.of(message.getMessageId());
        return new Inbound.ToEngine(TelegramChats.ref(chat.getId()), language, input(message), own, OptionalInt.empty(),
                Optional.empty());
    }

    static Input input(Message message) {
        if (message.hasText()) {
            Input typed = Input.parse(message.getText());
            if (typed instanceof Input.Command c && c.name().equals("start")) {
                return new Input.Start(); // a deep-link payload after /start is not used
            }
            return typed;
        }
        return new Input.Unsupported(kind(message));
    }

    /** What came instead of text, for the engine's kind re-prompt. */
    static String kind(Message message) {
        if (message.hasSticker()) {
            return "sticker";
        }
        if (message.hasPhoto()) {
            return "photo";
        }
        if (message.hasVoice() || message.hasAudio()) {
            return "voice";
        }
        if (message.hasVideo() || message.hasVideoNote() || message.hasAnimation()) {
            return "video";
        }
        if (message.hasDocument()) {
            return "document";
        }
        if (message.hasLocation() || message.getVenue() != null) {
            return "location";
        }
        if (message.hasContact()) {
            return "contact";
        }
        return "other";
    }

    private static boolean isPrivate(Chat chat) {
        return Boolean.TRUE.equals(chat.isUserChat());
    }

    private static String languageOf(User from) {
        return from == null ? null : from.getLanguageCode();
    }
}
