package org.gawahi.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out committed replies. Each chat has a lane: its actions run one after another in the
 * order they were committed, while different chats proceed in parallel on a few worker threads.
 * A plain screen still waiting in a lane is replaced by a newer one for the same chat, so a
 * flood of messages from one chat costs a few calls, not one per message. Callback answers skip
 * every queue, on as many threads as the lanes: with one, answers fell behind presses under
 * load (25 000 of 39 000 still owed when 1 000 people were done). The executors belong to this
 * instance and end with {@link #close()}.
 */
final class Sender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    /** Telegram lets a bot delete messages for 48 hours; a conversation idle longer is forgotten. */
    static final Duration FORGET_AFTER = Duration.ofHours(48);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    /**
     * Telegram takes an answer to a press for only a few seconds (then "query is too old"): an
     * answer still waiting after this long is dropped, so a flood cannot pile up calls doomed to
     * be refused; the spinner on her button ends by itself.
     */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private static final class Lane {
        final ArrayDeque<Task> queue = new ArrayDeque<>();
        boolean running;
    }

    /** An action and what to run once it has been carried out (the outbox entry it settles). */
    private record Task(ChatAction action, Runnable done) {
    }

    /** A chat's review messages due for deletion, and the outbox entries that expiry settles. */
    private record Expiry(Instant due, List<Integer> alsoDelete, Runnable done) {
    }

    private final ReliableCalls calls;
    private final Presenter presenter;
    private final Clock clock;
    private final ExecutorService lanes;
    private final ExecutorService callbacks;
    private final Map<Long, Lane> lanesByChat = new HashMap<>();
    private final Map<Long, Conversation> conversations = new HashMap<>();
    /** When each chat's review messages are due for deletion; a newer review screen pushes it back. */
    private final Map<Long, Expiry> expiries = new HashMap<>();
    private final ScheduledExecutorService timers;
    private Instant sweptAt;
    private int busy;

    Sender(ReliableCalls calls, Presenter presenter, Clock clock, int workers) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.presenter = Objects.requireNonNull(presenter, "presenter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lanes = Executors.newFixedThreadPool(workers, named("gawahi-send"));
        this.callbacks = Executors.newFixedThreadPool(workers, named("gawahi-callback"));
        this.timers = Executors.newSingleThreadScheduledExecutor(named("gawahi-expiry"));
        this.sweptAt = clock.instant();
    }

    /** Queues an action for a chat, after every action queued for it before. */
    void submit(long chatId, ChatAction action) {
        submit(chatId, action, () -> { });
    }

    /**
     * Queues an action for a chat; {@code done} runs once the action has been carried out (not
     * when it was dropped because the sender stopped).
     */
    void submit(long chatId, ChatAction action, Runnable done) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(done, "done");
        synchronized (this) {
            Lane lane = lanesByChat.computeIfAbsent(chatId, id -> new Lane());
            Task last = lane.queue.peekLast();
            if (action instanceof ChatAction.Show newer && last != null
                    && last.action() instanceof ChatAction.Show older && older.replaceable()) {
                lane.queue.pollLast();
                lane.queue.addLast(new Task(newer.after(older), both(last.done(), done)));
            } else {
                lane.queue.addLast(new Task(action, done));
            }
            if (!lane.running) {
                lane.running = true;
                busy++;
                try {
                    lanes.execute(() -> drain(chatId, lane));
                } catch (RejectedExecutionException e) {
                    lane.running = false;
                    busy--;
                    log.warn("a reply was not sent: the sender is stopped");
                }
            }
        }
    }

    /**
     * Deletes the chat's conversation {@code lifetime} from now, unless this is called again
     * for it meanwhile (then from that later call). In memory; what survives a restart is the
     * outbox entry that {@link ChatOutbox} hands back at the next unlocked start.
     */
    void expireAfter(long chatId, Duration lifetime) {
        expireAfter(chatId, lifetime, List.of(), () -> { });
    }

    /**
     * {@link #expireAfter(long, Duration)}, deleting {@code alsoDelete} too, and running
     * {@code done} (with that of every earlier call for the chat it pushes back) once deleted.
     */
    void expireAfter(long chatId, Duration lifetime, List<Integer> alsoDelete, Runnable done) {
        Duration wait = lifetime.isNegative() ? Duration.ZERO : lifetime;
        Instant due = clock.instant().plus(wait);
        synchronized (this) {
            Expiry earlier = expiries.get(chatId);
            List<Integer> ids = new ArrayList<>(alsoDelete);
            Runnable settles = done;
            if (earlier != null) {
                ids.addAll(earlier.alsoDelete());
                settles = both(earlier.done(), done);
            }
            expiries.put(chatId, new Expiry(due, List.copyOf(ids), settles));
        }
        try {
            timers.schedule(() -> expireIfDue(chatId), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.warn("review messages will not expire: the sender is stopped");
        }
    }

    private void expireIfDue(long chatId) {
        Expiry expiry;
        synchronized (this) {
            expiry = expiries.get(chatId);
            if (expiry == null || clock.instant().isBefore(expiry.due())) {
                return;
            }
            expiries.remove(chatId);
        }
        submit(chatId, new ChatAction.Expire(expiry.alsoDelete()), expiry.done());
    }

    private static Runnable both(Runnable first, Runnable second) {
        return () -> {
            first.run();
            second.run();
        };
    }

    /** Answers a callback query now, ahead of every chat's queue; not at all if it waited {@link #ANSWER_WITHIN}. */
    void answerCallback(String callbackQueryId) {
        Objects.requireNonNull(callbackQueryId, "callbackQueryId");
        Instant pressed = clock.instant();
        synchronized (this) {
            busy++;
        }
        try {
            callbacks.execute(() -> {
                try {
                    if (Duration.between(pressed, clock.instant()).compareTo(ANSWER_WITHIN) < 0) {
                        calls.answerCallback(callbackQueryId);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done();
                }
            });
        } catch (RejectedExecutionException e) {
            done(); // stopping: the spinner on her button ends by itself
        }
    }

    private synchronized void done() {
        busy--;
        notifyAll();
    }

    private void drain(long chatId, Lane lane) {
        while (true) {
            Task task;
            Conversation conversation;
            synchronized (this) {
                task = lane.queue.pollFirst();
                if (task == null) {
                    lane.running = false;
                    lanesByChat.remove(chatId, lane);
                    busy--;
                    notifyAll();
                    return;
                }
                conversation = conversationFor(chatId);
            }
            try {
                presenter.present(chatId, conversation, task.action());
                task.done().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (this) {
                    lane.queue.clear();
                }
            } catch (RuntimeException e) {
                // Never the message: it could carry text. The class is enough to find the bug.
                log.warn("a reply failed: {}", e.getClass().getName());
            }
        }
    }

    private Conversation conversationFor(long chatId) {
        Instant now = clock.instant();
        if (Duration.between(sweptAt, now).compareTo(SWEEP_EVERY) > 0) {
            sweptAt = now;
            conversations.entrySet().removeIf(e -> !lanesByChat.containsKey(e.getKey())
                    && Duration.between(e.getValue().lastActive(), now).compareTo(FORGET_AFTER) > 0);
        }
        Conversation conversation = conversations.computeIfAbsent(chatId, id -> new Conversation(now));
        conversation.touch(now);
        return conversation;
    }

    /** Waits until every queued action has been carried out; false when the time ran out. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Number of chats whose conversation is remembered (for tests and health). */
    synchronized int rememberedConversations() {
        return conversations.size();
    }

    /** Lets queued replies go out for a little while, then stops every thread. */
    @Override
    public void close() {
        try {
            awaitIdle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        lanes.shutdownNow();
        callbacks.shutdown();
        try {
            lanes.awaitTermination(5, TimeUnit.SECONDS);
            callbacks.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        callbacks.shutdownNow();
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
