package org.gawahi.bot.telegram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Works through one batch of updates on a few threads, a lane per chat: the updates of one chat
 * run one after another, in the batch's order, on one thread; different chats run at the same
 * time. The results come back in the batch's order, so the replies are queued exactly as a
 * serial run would queue them. When any update fails, the batch fails, but only after every
 * lane has stopped, so the caller can roll back a transaction that no thread still writes to.
 * The threads belong to this instance and end with {@link #close()}.
 */
final class ParallelChats implements AutoCloseable {
    private static final long NO_CHAT = Long.MIN_VALUE;

    private final int threads;
    private final ExecutorService workers;

    /** {@code threads} of 1 works every batch on the caller's thread. */
    ParallelChats(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, Sender.named("gawahi-engine"));
    }

    /**
     * The result of {@code work} for every update of the batch, in its order.
     *
     * @param onWorker runs a worker's whole share on the worker thread (to join a transaction)
     */
    <T> List<T> map(List<Update> batch, Function<Update, T> work, Consumer<Runnable> onWorker) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onWorker, "onWorker");
        Map<Long, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            lanes.computeIfAbsent(chatOf(batch.get(i)), chat -> new ArrayList<>()).add(i);
        }
        Object[] results = new Object[batch.size()];
        if (workers == null || lanes.size() < 2) {
            for (int i = 0; i < batch.size(); i++) {
                results[i] = work.apply(batch.get(i));
            }
            return listOf(results);
        }
        Queue<List<Integer>> waiting = new ConcurrentLinkedQueue<>(lanes.values());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable share = () -> onWorker.accept(() -> {
            List<Integer> lane;
            while (failure.get() == null && (lane = waiting.poll()) != null) {
                try {
                    for (int i : lane) {
                        results[i] = work.apply(batch.get(i));
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        List<Future<?>> started = new ArrayList<>();
        try {
            for (int k = 0; k < Math.min(threads, lanes.size()); k++) {
                started.add(workers.submit(share));
            }
        } catch (RejectedExecutionException e) {
            failure.compareAndSet(null, e); // stopping: what started still has to end first
        }
        awaitAll(started, failure);
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        return listOf(results);
    }

    /** Waits for every worker even when interrupted (then the flag is set again afterwards). */
    private static void awaitAll(List<Future<?>> started, AtomicReference<Throwable> failure) {
        boolean interrupted = false;
        for (Future<?> future : started) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> listOf(Object[] results) {
        return (List<T>) Arrays.asList(results);
    }

    /** The chat an update belongs to, for its lane; updates without one share a lane. */
    static long chatOf(Update update) {
        Long chat = chatOf(update.getMessage());
        if (chat == null) {
            chat = chatOf(update.getEditedMessage());
        }
        if (chat == null && update.getCallbackQuery() != null) {
            var query = update.getCallbackQuery();
            chat = query.getMessage() != null && query.getMessage().getChat() != null
                    ? query.getMessage().getChatId() : null;
            if (chat == null && query.getFrom() != null) {
                chat = query.getFrom().getId();
            }
        }
        return chat == null ? NO_CHAT : chat;
    }

    private static Long chatOf(Message message) {
        return message == null || message.getChat() == null ? null : message.getChatId();
    }

    @Override
    public void close() {
        if (workers == null) {
            return;
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
