package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gawahi.bot.telegram.emulator.ChatMessage.Kind;
import org.gawahi.bot.telegram.emulator.Chats.StoredMessage;

/**
 * What people do: each action changes the chat and enqueues the update Telegram would send.
 * Actions are serialised so message ids and update ids grow in the same order.
 */
final class UserActions {
    private final Chats chats;
    private final UpdateQueue queue;
    private final Callbacks callbacks;
    private final WireJson wire;
    private final Clock clock;

    UserActions(Chats chats, UpdateQueue queue, Callbacks callbacks, WireJson wire, Clock clock) {
        this.chats = chats;
        this.queue = queue;
        this.callbacks = callbacks;
        this.wire = wire;
        this.clock = clock;
    }

    synchronized User user(User user) {
        chats.open(user.chatId(), wire.privateChat(user), false);
        return user;
    }

    synchronized int sendText(User user, String text) {
        return post(user, user.chatId(), Kind.TEXT, text, json -> wire.putText(json, text));
    }

    synchronized int sendSticker(User user) {
        return post(user, user.chatId(), Kind.STICKER, "", json -> json.set("sticker",
                wire.file("CAACsticker" + user.id(), 9_000).put("type", "regular").put("width", 512)
                        .put("height", 512).put("is_animated", false).put("is_video", false).put("emoji", "🙂")));
    }

    synchronized int sendPhoto(User user) {
        return post(user, user.chatId(), Kind.PHOTO, "",
                json -> json.set("photo", wire.photoSizes("AgACphoto" + user.id(), 80_000)));
    }

    synchronized int sendVoice(User user) {
        return post(user, user.chatId(), Kind.VOICE, "", json -> json.set("voice",
                wire.file("AwACvoice" + user.id(), 12_000).put("duration", 4).put("mime_type", "audio/ogg")));
    }

    synchronized int sendLocation(User user) {
        return post(user, user.chatId(), Kind.LOCATION, "", json -> json.putObject("location")
                .put("latitude", 19.0760).put("longitude", 72.8777));
    }

    synchronized int sendContact(User user) {
        return post(user, user.chatId(), Kind.CONTACT, "", json -> json.putObject("contact")
                .put("phone_number", "+919800000000").put("first_name", user.firstName()).put("user_id", user.id()));
    }

    synchronized int groupMessage(User from, long groupChatId, String groupTitle, String text) {
        if (groupChatId >= 0) {
            throw new IllegalArgumentException("group chat ids are negative");
        }
        chats.open(groupChatId, wire.groupChat(groupChatId, groupTitle), true);
        return post(from, groupChatId, Kind.TEXT, text, json -> wire.putText(json, text));
    }

    synchronized void editMessage(User user, int messageId, String newText) {
        Instant now = clock.instant();
        StoredMessage edited;
        try {
            edited = chats.edit(user.chatId(), messageId, current -> {
                ChatMessage view = current.view();
                if (view.fromBot() || view.kind() != Kind.TEXT) {
                    throw ApiError.badRequest("message can't be edited");
                }
                ObjectNode json = current.json().deepCopy();
                json.remove("entities");
                wire.putText(json, newText);
                json.put("edit_date", now.getEpochSecond());
                return new StoredMessage(view.withText(newText, List.of(), true), json);
            });
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        enqueue("edited_message", edited.json());
    }

    /** Presses a button; the data is sent as given, so tests can forge it. */
    synchronized String pressButton(User user, int messageId, String callbackData) {
        Instant now = clock.instant();
        ObjectNode message = chats.find(user.chatId(), messageId).map(found -> found.json().deepCopy())
                .orElseGet(() -> inaccessible(user, messageId));
        String queryId = callbacks.press(user.id(), callbackData, now);
        ObjectNode query = wire.mapper().createObjectNode();
        query.put("id", queryId);
        query.set("from", wire.user(user));
        query.set("message", message);
        query.put("chat_instance", Long.toString(user.chatId() * 31 + 7));
        query.put("data", callbackData);
        enqueue("callback_query", query);
        return queryId;
    }

    synchronized String pressButtonLabeled(User user, int messageId, String label) {
        ChatMessage message = chats.find(user.chatId(), messageId).map(StoredMessage::view)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " in the chat"));
        Button button = message.button(label).filter(found -> !found.callbackData().isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("no callback button labelled " + label));
        return pressButton(user, messageId, button.callbackData());
    }

    /** Blocking the bot sends my_chat_member, as Telegram does, and makes sends fail with 403. */
    synchronized void setBlocked(User user, boolean blocked) {
        chats.setBlocked(user.chatId(), blocked);
        ObjectNode change = wire.mapper().createObjectNode();
        change.set("chat", chats.chatJson(user.chatId()).orElseThrow());
        change.set("from", wire.user(user));
        change.put("date", clock.instant().getEpochSecond());
        change.set("old_chat_member", member(blocked ? "member" : "kicked"));
        change.set("new_chat_member", member(blocked ? "kicked" : "member"));
        enqueue("my_chat_member", change);
    }

    synchronized long sendRawUpdate(JsonNode update) {
        if (!update.isObject()) {
            throw new IllegalArgumentException("an update is a JSON object");
        }
        ObjectNode copy = ((ObjectNode) update).deepCopy();
        String type = type(copy);
        if (copy.hasNonNull("update_id")) {
            long id = copy.get("update_id").asLong();
            queue.addWithId(id, type, copy);
            return id;
        }
        return queue.add(type, id -> {
            ObjectNode withId = wire.mapper().createObjectNode().put("update_id", id);
            withId.setAll(copy);
            return withId;
        });
    }

    private int post(User from, long chatId, Kind kind, String text, Consumer<ObjectNode> content) {
        Instant now = clock.instant();
        if (!chats.isOpen(chatId)) {
            user(from);
        }
        StoredMessage sent = chats.userSend(chatId, (id, chat) -> {
            ObjectNode json = wire.message(id, now, chat, wire.user(from));
            content.accept(json);
            return new StoredMessage(new ChatMessage(id, from.id(), false, kind, text, "", List.of(), false, now,
                    false), json);
        });
        enqueue("message", sent.json());
        return sent.view().id();
    }

    private void enqueue(String type, ObjectNode payload) {
        ObjectNode copy = payload.deepCopy();
        queue.add(type, id -> {
            ObjectNode update = wire.mapper().createObjectNode();
            update.put("update_id", id);
            update.set(type, copy);
            return update;
        });
    }

    private ObjectNode inaccessible(User user, int messageId) {
        ObjectNode message = wire.mapper().createObjectNode();
        message.set("chat", chats.chatJson(user.chatId()).orElseGet(() -> wire.privateChat(user)));
        message.put("message_id", messageId);
        message.put("date", 0);
        return message;
    }

    private ObjectNode member(String status) {
        ObjectNode member = wire.mapper().createObjectNode();
        member.put("status", status);
        member.set("user", wire.bot());
        if (status.equals("kicked")) {
            member.put("until_date", 0);
        }
        return member;
    }

    private static String type(ObjectNode update) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            String name = fields.next().getKey();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        throw new IllegalArgumentException("an update needs a field besides update_id");
    }
}
