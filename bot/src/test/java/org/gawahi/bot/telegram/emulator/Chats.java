package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Every chat the emulator knows and the messages it shows. Message ids are per chat, as in
 * private chats on Telegram, and are only taken by messages that were actually created.
 */
final class Chats {
    static final Duration DELETE_WINDOW = Duration.ofHours(48);

    /** A message as the chat shows it and as the Bot API sends it. */
    record StoredMessage(ChatMessage view, ObjectNode json) {
    }

    interface NewMessage {
        StoredMessage create(int messageId, ObjectNode chat) throws ApiError;
    }

    interface Edit {
        StoredMessage apply(StoredMessage current) throws ApiError;
    }

    enum Deletion { DELETED, NOT_FOUND, TOO_OLD, NOT_ALLOWED }

    private static final class Chat {
        private final boolean group;
        private ObjectNode json;
        private int lastMessageId;
        private boolean botBlocked;
        private final TreeMap<Integer, StoredMessage> visible = new TreeMap<>();

        private Chat(ObjectNode json, boolean group) {
            this.json = json;
            this.group = group;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Chat> chats = new HashMap<>();

    void open(long chatId, ObjectNode chatJson, boolean group) {
        lock.lock();
        try {
            Chat chat = chats.get(chatId);
            if (chat == null) {
                chats.put(chatId, new Chat(chatJson, group));
            } else {
                chat.json = chatJson;
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen(long chatId) {
        lock.lock();
        try {
            return chats.containsKey(chatId);
        } finally {
            lock.unlock();
        }
    }

    void setBlocked(long chatId, boolean blocked) {
        lock.lock();
        try {
            known(chatId).botBlocked = blocked;
        } finally {
            lock.unlock();
        }
    }

    /** A message from the bot: fails like Telegram for unknown chats and users who blocked the bot. */
    StoredMessage botSend(long chatId, NewMessage factory) throws ApiError {
        lock.lock();
        try {
            Chat chat = chats.get(chatId);
            if (chat == null) {
                throw ApiError.badRequest("chat not found");
            }
            if (chat.botBlocked) {
                throw ApiError.forbidden("bot was blocked by the user");
            }
            return store(chat, factory);
        } finally {
            lock.unlock();
        }
    }

    /** A message from a person acting through the test API. */
    StoredMessage userSend(long chatId, NewMessage factory) {
        lock.lock();
        try {
            return store(known(chatId), factory);
        } catch (ApiError e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private StoredMessage store(Chat chat, NewMessage factory) throws ApiError {
        StoredMessage message = factory.create(chat.lastMessageId + 1, chat.json);
        chat.lastMessageId = message.view().id();
        chat.visible.put(message.view().id(), message);
        changed.signalAll();
        return message;
    }

    Optional<StoredMessage> find(long chatId, int messageId) {
        lock.lock();
        try {
            Chat chat = chats.get(chatId);
            return chat == null ? Optional.empty() : Optional.ofNullable(chat.visible.get(messageId));
        } finally {
            lock.unlock();
        }
    }

    Optional<ObjectNode> chatJson(long chatId) {
        lock.lock();
        try {
            Chat chat = chats.get(chatId);
            return chat == null ? Optional.empty() : Optional.of(chat.json.deepCopy());
        } finally {
            lock.unlock();
        }
    }

    StoredMessage edit(long chatId, int messageId, Edit edit) throws ApiError {
        lock.lock();
        try {
            Chat chat = chats.get(chatId);
            if (chat == null) {
                throw ApiError.badRequest("chat not found");
            }
            StoredMessage current = chat.visible.get(messageId);
            if (current == null) {
                throw ApiError.badRequest("message to edit not found");
            }
            StoredMessage edited = edit.apply(current);
            chat.visible.put(messageId, edited);
            changed.signalAll();
            return edited;
        } finally {
            lock.unlock();
        }
    }

    Deletion delete(long chatId, int messageId, Instant now) throws ApiError {
        lock.lock();
        try {
            Chat chat = chats.get(chatId);
            if (chat == null) {
                throw ApiError.badRequest("chat not found");
            }
            StoredMessage message = chat.visible.get(messageId);
            if (message == null) {
                return Deletion.NOT_FOUND;
            }
            if (chat.group && !message.view().fromBot()) {
                return Deletion.NOT_ALLOWED;
            }
            if (message.view().date().plus(DELETE_WINDOW).isBefore(now)) {
                return Deletion.TOO_OLD;
            }
            chat.visible.remove(messageId);
            changed.signalAll();
            return Deletion.DELETED;
        } finally {
            lock.unlock();
        }
    }

    ChatView view(long chatId) {
        lock.lock();
        try {
            Chat chat = chats.get(chatId);
            List<ChatMessage> messages = chat == null ? List.of()
                    : chat.visible.values().stream().map(StoredMessage::view).toList();
            return new ChatView(chatId, messages);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the chat satisfies {@code condition}; empty when the time runs out. */
    Optional<ChatView> await(long chatId, Predicate<ChatView> condition, Duration timeout)
            throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                ChatView view = view(chatId);
                if (condition.test(view)) {
                    return Optional.of(view);
                }
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter, for instance when the emulator stops. */
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Chat known(long chatId) {
        Chat chat = chats.get(chatId);
        if (chat == null) {
            throw new IllegalArgumentException("no chat " + chatId + ": create it with user(...) or groupMessage(...)");
        }
        return chat;
    }
}
