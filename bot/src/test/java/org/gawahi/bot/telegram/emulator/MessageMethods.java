package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gawahi.bot.telegram.emulator.Chats.StoredMessage;

/** sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage(s), answerCallbackQuery. */
final class MessageMethods {
    private static final int MAX_DELETE_BATCH = 100;
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private final Chats chats;
    private final Callbacks callbacks;
    private final WireJson wire;
    private final Clock clock;

    MessageMethods(Chats chats, Callbacks callbacks, WireJson wire, Clock clock) {
        this.chats = chats;
        this.callbacks = callbacks;
        this.wire = wire;
        this.clock = clock;
    }

    void register(ApiMethod.Table table) {
        table.add("sendMessage", this::sendMessage)
                .add("editMessageText", this::editMessageText)
                .add("editMessageReplyMarkup", this::editMessageReplyMarkup)
                .add("deleteMessage", this::deleteMessage)
                .add("deleteMessages", this::deleteMessages)
                .add("answerCallbackQuery", this::answerCallbackQuery);
    }

    private JsonNode sendMessage(RequestParams params) throws ApiError {
        long chatId = params.chatId();
        String text = Limits.checkedText(params.text("text").orElse(""), params.text("parse_mode"));
        Optional<JsonNode> markup = params.json("reply_markup");
        List<List<Button>> keyboard = Limits.inlineKeyboard(markup);
        boolean protect = params.flag("protect_content");
        Instant now = clock.instant();
        StoredMessage sent = chats.botSend(chatId, (id, chat) -> {
            ObjectNode json = wire.message(id, now, chat, wire.bot());
            json.put("text", text);
            putInlineMarkup(json, markup);
            if (protect) {
                json.put("has_protected_content", true);
            }
            ChatMessage view = new ChatMessage(id, wire.botId(), true, ChatMessage.Kind.TEXT, text, "", keyboard,
                    protect, now, false);
            return new StoredMessage(view, json);
        });
        return sent.json().deepCopy();
    }

    private JsonNode editMessageText(RequestParams params) throws ApiError {
        long chatId = params.chatId();
        int messageId = messageId(params);
        String text = Limits.checkedText(params.text("text").orElse(""), params.text("parse_mode"));
        Optional<JsonNode> markup = params.json("reply_markup");
        List<List<Button>> keyboard = Limits.inlineKeyboard(markup);
        Instant now = clock.instant();
        StoredMessage edited = chats.edit(chatId, messageId, current -> {
            ChatMessage view = editableByBot(current);
            if (view.kind() != ChatMessage.Kind.TEXT) {
                throw ApiError.badRequest("there is no text in the message to edit");
            }
            if (view.text().equals(text) && view.keyboard().equals(keyboard)) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            ObjectNode json = current.json().deepCopy();
            json.put("text", text);
            json.put("edit_date", now.getEpochSecond());
            putInlineMarkup(json, markup);
            return new StoredMessage(view.withText(text, keyboard, true), json);
        });
        return edited.json().deepCopy();
    }

    private JsonNode editMessageReplyMarkup(RequestParams params) throws ApiError {
        long chatId = params.chatId();
        int messageId = messageId(params);
        Optional<JsonNode> markup = params.json("reply_markup");
        List<List<Button>> keyboard = Limits.inlineKeyboard(markup);
        Instant now = clock.instant();
        StoredMessage edited = chats.edit(chatId, messageId, current -> {
            ChatMessage view = editableByBot(current);
            if (view.keyboard().equals(keyboard)) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            ObjectNode json = current.json().deepCopy();
            json.put("edit_date", now.getEpochSecond());
            putInlineMarkup(json, markup);
            ChatMessage changed = view.kind() == ChatMessage.Kind.TEXT
                    ? view.withText(view.text(), keyboard, true) : view.withCaption(view.caption(), keyboard);
            return new StoredMessage(changed, json);
        });
        return edited.json().deepCopy();
    }

    private JsonNode deleteMessage(RequestParams params) throws ApiError {
        switch (chats.delete(params.chatId(), messageId(params), clock.instant())) {
            case DELETED:
                return BooleanNode.TRUE;
            case NOT_FOUND:
                throw ApiError.badRequest("message to delete not found");
            case TOO_OLD:
                throw ApiError.badRequest("message can't be deleted for everyone");
            default:
                throw ApiError.badRequest("message can't be deleted");
        }
    }

    /** As documented: messages that can't be found (or deleted) are skipped. */
    private JsonNode deleteMessages(RequestParams params) throws ApiError {
        long chatId = params.chatId();
        JsonNode ids = params.json("message_ids").filter(JsonNode::isArray)
                .orElseThrow(() -> ApiError.badRequest("message identifiers are not specified"));
        if (ids.isEmpty()) {
            throw ApiError.badRequest("message identifiers are not specified");
        }
        if (ids.size() > MAX_DELETE_BATCH) {
            throw ApiError.badRequest("too many message identifiers specified");
        }
        Instant now = clock.instant();
        for (JsonNode id : (ArrayNode) ids) {
            if (!id.canConvertToInt()) {
                throw ApiError.badRequest("invalid message identifier specified");
            }
            chats.delete(chatId, id.asInt(), now);
        }
        return BooleanNode.TRUE;
    }

    private JsonNode answerCallbackQuery(RequestParams params) throws ApiError {
        String id = params.requiredText("callback_query_id", "query ID is empty");
        callbacks.answer(id, params.text("text"), params.flag("show_alert"), clock.instant());
        return BooleanNode.TRUE;
    }

    private static ChatMessage editableByBot(StoredMessage current) throws ApiError {
        if (!current.view().fromBot()) {
            throw ApiError.badRequest("message can't be edited");
        }
        return current.view();
    }

    private static int messageId(RequestParams params) throws ApiError {
        if (params.text("inline_message_id").isPresent() && params.text("chat_id").isEmpty()) {
            throw ApiError.badRequest("inline messages are not emulated");
        }
        return params.number("message_id").map(Long::intValue)
                .orElseThrow(() -> ApiError.badRequest("message identifier is not specified"));
    }

    /** Telegram echoes only inline keyboards; a message edited without one loses its keyboard. */
    private static void putInlineMarkup(ObjectNode json, Optional<JsonNode> markup) {
        if (markup.isPresent() && markup.get().has("inline_keyboard") && !markup.get().get("inline_keyboard").isEmpty()) {
            json.set("reply_markup", markup.get().deepCopy());
        } else {
            json.remove("reply_markup");
        }
    }
}
