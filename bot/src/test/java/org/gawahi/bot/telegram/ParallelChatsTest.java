package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

class ParallelChatsTest {

    @RepeatedTest(5)
    void keepsEachChatsOrderWhileChatsRunAtOnce() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Update> batch = new ArrayList<>();
        for (int id = 1; id <= 300; id++) {
            batch.add(id % 3 == 0 ? press(id, 1 + random.nextInt(12)) : message(id, 1 + random.nextInt(12)));
        }
        Map<Integer, Integer> pauseMicros = new HashMap<>();
        batch.forEach(u -> pauseMicros.put(u.getUpdateId(), random.nextInt(300)));
        Map<Long, List<Integer>> seenByChat = new ConcurrentHashMap<>();
        Map<Long, Integer> running = new ConcurrentHashMap<>();
        AtomicInteger overlapsInAChat = new AtomicInteger();

        List<Integer> results;
        try (ParallelChats chats = new ParallelChats(4)) {
            results = chats.map(batch, update -> {
                long chat = ParallelChats.chatOf(update);
                if (running.merge(chat, 1, Integer::sum) > 1) {
                    overlapsInAChat.incrementAndGet();
                }
                LockSupport.parkNanos(pauseMicros.get(update.getUpdateId()) * 1_000L);
                seenByChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(update.getUpdateId());
                running.merge(chat, -1, Integer::sum);
                return update.getUpdateId();
            }, Runnable::run);
        }

        assertThat(results).as("seed %d", seed).isEqualTo(batch.stream().map(Update::getUpdateId).toList());
        assertThat(overlapsInAChat.get()).as("seed %d", seed).isZero();
        Map<Long, List<Integer>> expected = new HashMap<>();
        batch.forEach(u -> expected.computeIfAbsent(ParallelChats.chatOf(u), c -> new ArrayList<>()).add(u.getUpdateId()));
        assertThat(seenByChat).as("seed %d", seed).isEqualTo(expected);
    }

    @Test
    void aFailureFailsTheBatchOnlyAfterEveryWorkerHasStopped() {
        List<Update> batch = new ArrayList<>();
        for (int id = 1; id <= 40; id++) {
            batch.add(message(id, id % 8));
        }
        AtomicInteger inFlight = new AtomicInteger();
        try (ParallelChats chats = new ParallelChats(4)) {
            assertThatThrownBy(() -> chats.map(batch, update -> {
                inFlight.incrementAndGet();
                try {
                    LockSupport.parkNanos(2_000_000);
                    if (update.getUpdateId() == 5) {
                        throw new IllegalStateException("broken");
                    }
                    return update.getUpdateId();
                } finally {
                    inFlight.decrementAndGet();
                }
            }, Runnable::run)).isInstanceOf(IllegalStateException.class).hasMessage("broken");
            assertThat(inFlight.get()).isZero();
        }
    }

    @Test
    void everyWorkersShareRunsInsideTheGivenWrapper() {
        List<Update> batch = List.of(message(1, 1), message(2, 2), message(3, 3), message(4, 1));
        ThreadLocal<Boolean> wrapped = ThreadLocal.withInitial(() -> false);
        try (ParallelChats chats = new ParallelChats(2)) {
            List<Boolean> inside = chats.map(batch, update -> wrapped.get(), task -> {
                wrapped.set(true);
                try {
                    task.run();
                } finally {
                    wrapped.remove();
                }
            });
            assertThat(inside).containsOnly(true);
        }
    }

    @Test
    void oneThreadWorksTheBatchInOrderOnTheCallersThread() {
        List<Update> batch = List.of(message(1, 1), message(2, 2), message(3, 1));
        Thread caller = Thread.currentThread();
        try (ParallelChats chats = new ParallelChats(1)) {
            assertThat(chats.map(batch, update -> Thread.currentThread() == caller ? update.getUpdateId() : -1,
                    task -> {
                        throw new AssertionError("no worker threads with one thread");
                    })).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aPressAndAMessageOfTheSameChatShareALane() {
        assertThat(ParallelChats.chatOf(press(1, 7))).isEqualTo(ParallelChats.chatOf(message(2, 7)));
        assertThat(ParallelChats.chatOf(message(1, 7))).isNotEqualTo(ParallelChats.chatOf(message(2, 8)));
    }

    private static Update message(int id, long chatId) {
        Update update = new Update();
        update.setUpdateId(id);
        update.setMessage(messageIn(chatId));
        return update;
    }

    private static Update press(int id, long chatId) {
        Update update = new Update();
        update.setUpdateId(id);
        CallbackQuery query = new CallbackQuery();
        query.setId("q" + id);
        query.setFrom(new User(chatId, "P", false));
        query.setMessage(messageIn(chatId));
        query.setData("x");
        update.setCallbackQuery(query);
        return update;
    }

    private static Message messageIn(long chatId) {
        Message message = new Message();
        message.setMessageId(1);
        message.setChat(new Chat(chatId, "private"));
        return message;
    }
}
