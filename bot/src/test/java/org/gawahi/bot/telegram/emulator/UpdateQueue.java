package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;

/**
 * Pending updates with getUpdates semantics: an update stays until a call's {@code offset}
 * exceeds its id, so unconfirmed updates are delivered again; a long poll waits on a condition
 * until an update arrives, the timeout ends, a newer getUpdates call terminates it (409, as
 * Telegram does) or the emulator stops.
 */
final class UpdateQueue {
    /** Telegram's default: every type except these. */
    private static final Set<String> NOT_BY_DEFAULT = Set.of("chat_member", "message_reaction",
            "message_reaction_count");

    private record Pending(long id, String type, ObjectNode json) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private final List<Pending> redeliveries = new ArrayList<>();
    private final BooleanSupplier duplicateDelivery;
    private long lastId;
    private long pollGeneration;
    private int waitingPolls;
    private Optional<Set<String>> allowed = Optional.empty();
    private boolean closed;

    UpdateQueue(long firstId, BooleanSupplier duplicateDelivery) {
        this.lastId = firstId - 1;
        this.duplicateDelivery = duplicateDelivery;
    }

    /** Adds an update built for the id it is given; returns that id. */
    long add(String type, LongFunction<ObjectNode> build) {
        lock.lock();
        try {
            long id = lastId + 1;
            put(new Pending(id, type, build.apply(id)));
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Adds an update that carries its own id, which must be newer than every earlier one. */
    void addWithId(long id, String type, ObjectNode json) {
        lock.lock();
        try {
            if (id <= lastId) {
                throw new IllegalArgumentException("update_id " + id + " is not after " + lastId);
            }
            put(new Pending(id, type, json));
        } finally {
            lock.unlock();
        }
    }

    private void put(Pending update) {
        pending.put(update.id(), update);
        lastId = update.id();
        changed.signalAll();
    }

    List<ObjectNode> poll(Optional<Long> offset, int limit, Duration timeout, Optional<Set<String>> allowedUpdates)
            throws ApiError, InterruptedException {
        lock.lock();
        try {
            long generation = ++pollGeneration;
            changed.signalAll();
            allowedUpdates.ifPresent(types -> allowed = types.isEmpty() ? Optional.empty() : Optional.of(types));
            offset.ifPresent(this::confirm);
            long remaining = timeout.toNanos();
            while (true) {
                if (closed) {
                    return List.of();
                }
                if (generation != pollGeneration) {
                    throw ApiError.conflict(
                            "terminated by other getUpdates request; make sure that only one bot instance is running");
                }
                List<Pending> batch = batch(limit);
                if (!batch.isEmpty() || remaining <= 0) {
                    redeliveries.removeAll(batch);
                    changed.signalAll();
                    return batch.stream().map(Pending::json).toList();
                }
                waitingPolls++;
                changed.signalAll();
                try {
                    remaining = changed.awaitNanos(remaining);
                } finally {
                    waitingPolls--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a getUpdates long poll is blocked waiting for updates; false when the time runs out. */
    boolean awaitPolling(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (waitingPolls == 0) {
                if (remaining <= 0 || closed) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void confirm(long offset) {
        if (offset < 0) {
            long keep = -offset;
            while (pending.size() > keep) {
                pending.pollFirstEntry();
            }
            return;
        }
        Iterator<Pending> confirmed = pending.headMap(offset, false).values().iterator();
        while (confirmed.hasNext()) {
            Pending update = confirmed.next();
            confirmed.remove();
            if (duplicateDelivery.getAsBoolean()) {
                redeliveries.add(update);
            }
        }
        changed.signalAll();
    }

    private List<Pending> batch(int limit) {
        List<Pending> candidates = new ArrayList<>(redeliveries);
        pending.values().stream().filter(update -> isAllowed(update.type())).limit(limit).forEach(candidates::add);
        candidates.sort(Comparator.comparingLong(Pending::id));
        return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
    }

    private boolean isAllowed(String type) {
        return allowed.map(types -> types.contains(type)).orElse(!NOT_BY_DEFAULT.contains(type));
    }

    int pendingCount() {
        lock.lock();
        try {
            return pending.size() + redeliveries.size();
        } finally {
            lock.unlock();
        }
    }

    void dropPending() {
        lock.lock();
        try {
            pending.clear();
            redeliveries.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the bot has confirmed every update; false when the time runs out. */
    boolean awaitAllConfirmed(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!pending.isEmpty() || !redeliveries.isEmpty()) {
                if (remaining <= 0 || closed) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
