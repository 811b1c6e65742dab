package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the Bot API's JSON objects (User, Chat, Message, ...) as Telegram shapes them. */
final class WireJson {
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w/])/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?");

    private final ObjectMapper mapper;
    private final long botId;
    private final String botUsername;

    WireJson(ObjectMapper mapper, long botId, String botUsername) {
        this.mapper = mapper;
        this.botId = botId;
        this.botUsername = botUsername;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    long botId() {
        return botId;
    }

    ObjectNode me() {
        ObjectNode me = bot();
        me.put("can_join_groups", true);
        me.put("can_read_all_group_messages", false);
        me.put("supports_inline_queries", false);
        return me;
    }

    ObjectNode bot() {
        ObjectNode bot = mapper.createObjectNode();
        bot.put("id", botId);
        bot.put("is_bot", true);
        bot.put("first_name", "Gawahi Emulator");
        bot.put("username", botUsername);
        return bot;
    }

    ObjectNode user(User user) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", user.id());
        node.put("is_bot", false);
        node.put("first_name", user.firstName());
        putIfPresent(node, "username", user.username());
        putIfPresent(node, "language_code", user.languageCode());
        return node;
    }

    ObjectNode privateChat(User user) {
        ObjectNode chat = mapper.createObjectNode();
        chat.put("id", user.id());
        chat.put("type", "private");
        chat.put("first_name", user.firstName());
        putIfPresent(chat, "username", user.username());
        return chat;
    }

    ObjectNode groupChat(long chatId, String title) {
        ObjectNode chat = mapper.createObjectNode();
        chat.put("id", chatId);
        chat.put("type", "group");
        chat.put("title", title);
        return chat;
    }

    ObjectNode message(int messageId, Instant date, ObjectNode chat, ObjectNode from) {
        ObjectNode message = mapper.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", from.deepCopy());
        message.set("chat", chat.deepCopy());
        message.put("date", date.getEpochSecond());
        return message;
    }

    /** Adds text and, like Telegram, a bot_command entity for each /command in it. */
    void putText(ObjectNode message, String text) {
        message.put("text", text);
        Matcher matcher = COMMAND.matcher(text);
        ArrayNode entities = mapper.createArrayNode();
        while (matcher.find()) {
            entities.addObject().put("type", "bot_command").put("offset", matcher.start())
                    .put("length", matcher.end() - matcher.start());
        }
        if (!entities.isEmpty()) {
            message.set("entities", entities);
        }
    }

    ObjectNode inlineKeyboard(List<List<Button>> rows) {
        ObjectNode markup = mapper.createObjectNode();
        ArrayNode keyboard = markup.putArray("inline_keyboard");
        for (List<Button> row : rows) {
            ArrayNode rowNode = keyboard.addArray();
            for (Button button : row) {
                ObjectNode buttonNode = rowNode.addObject().put("text", button.label());
                if (!button.callbackData().isEmpty()) {
                    buttonNode.put("callback_data", button.callbackData());
                }
                if (!button.url().isEmpty()) {
                    buttonNode.put("url", button.url());
                }
                if (!button.webApp().isEmpty()) {
                    buttonNode.putObject("web_app").put("url", button.webApp());
                }
            }
        }
        return markup;
    }

    ObjectNode file(String fileId, long size) {
        ObjectNode file = mapper.createObjectNode();
        file.put("file_id", fileId);
        file.put("file_unique_id", "u" + fileId);
        file.put("file_size", size);
        return file;
    }

    ArrayNode photoSizes(String fileId, long size) {
        ArrayNode sizes = mapper.createArrayNode();
        sizes.add(file(fileId + "-s", Math.min(size, 1_000)).put("width", 90).put("height", 90));
        sizes.add(file(fileId, size).put("width", 800).put("height", 800));
        return sizes;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
