package org.gawahi.bot.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.gawahi.storage.units.UnitOfWork;
import org.gawahi.storage.updates.UpdateOffsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Applies updates exactly once. A batch is processed in one transaction together with the id
 * of its last update ({@link UpdateOffsets}); the replies go to the {@link Sender} only after
 * that commit. So a crash before the commit leaves nothing changed and nothing said, and
 * Telegram delivers the batch again; an update already committed (id at or below the offset)
 * is ignored. When a batch fails, its updates are tried one per transaction, each at most
 * {@value #MAX_TRIES} times; one that still fails is skipped (its offset committed) with a log
 * line that names no content and no id. Nothing here stops on an exception; a failure while the
 * thread is being stopped is passed on instead, so that stopping never skips an update.
 *
 * <p>Within a batch, different chats are worked on at the same time ({@link ParallelChats}), each
 * chat's updates in order, all inside the batch's one transaction ({@link UnitOfWork#share()}); the
 * replies are still queued in the batch's order, after the commit.
 *
 * <p>Exactly-once holds for the stores that write through the same {@link UnitOfWork} (they join
 * the transaction); in-memory stores are not rolled back with it. What a reply still owes the
 * chat after the commit (her messages to delete, a receipt, a review screen's expiry) is sealed
 * into the {@link ChatOutbox} in the same transaction, so a crash before the reply went out
 * leaves it to the next unlocked start.
 */
final class UpdateApplier {
    private static final Logger log = LoggerFactory.getLogger(UpdateApplier.class);
    static final int MAX_TRIES = 3;
    /** How far behind the last committed id a redelivered update can be. */
    static final long REDELIVERY_WINDOW = 1_000;
    /**
     * Days after the last commit from which no update can be one delivered again: Telegram keeps
     * an update at most 24 hours, and days are counted whole (a commit late on day 1 and an update
     * early on day 3 are more than 24 hours apart).
     */
    static final long NO_REDELIVERY_AFTER_DAYS = 2;

    private final UnitOfWork units;
    private final UpdateOffsets offsets;
    private final UpdateProcessor processor;
    private final Sender sender;
    private final BotStatus status;
    private final ParallelChats chats;
    private final ChatOutbox outbox;
    private long lastCommitted = -1;
    /** The day of the last commit, as {@link UpdateOffsets#today()} counts; empty when unknown. */
    private OptionalLong lastCommittedDay = OptionalLong.empty();
    private boolean loaded;

    UpdateApplier(UnitOfWork units, UpdateOffsets offsets, UpdateProcessor processor, Sender sender,
                  BotStatus status, ParallelChats chats) {
        this(units, offsets, processor, sender, status, chats, ChatOutbox.none(java.time.Clock.systemUTC()));
    }

    UpdateApplier(UnitOfWork units, UpdateOffsets offsets, UpdateProcessor processor, Sender sender,
                  BotStatus status, ParallelChats chats, ChatOutbox outbox) {
        this.units = Objects.requireNonNull(units, "units");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.status = Objects.requireNonNull(status, "status");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** The replies of one update, with what to run once each is carried out (its outbox entry settled). */
    private record Owed(UpdateProcessor.Processed processed, List<Runnable> settles) {
    }

    /** Inside the transaction: seals what the replies of these updates will owe their chats once committed. */
    private List<Owed> owe(List<UpdateProcessor.Processed> processed) {
        List<UpdateProcessor.Reply> replies = processed.stream().flatMap(p -> p.replies().stream()).toList();
        List<Runnable> settles = outbox.owe(replies);
        List<Owed> owed = new ArrayList<>();
        int from = 0;
        for (UpdateProcessor.Processed p : processed) {
            owed.add(new Owed(p, settles.subList(from, from + p.replies().size())));
            from += p.replies().size();
        }
        return owed;
    }

    /** The id of the last update whose effects are committed; -1 before the first ever. */
    synchronized long lastCommitted() {
        if (!loaded) {
            lastCommitted = offsets.lastCommitted().orElse(-1);
            lastCommittedDay = offsets.lastCommittedDay();
            loaded = true;
        }
        return lastCommitted;
    }

    /**
     * Applies the updates not yet committed, in id order; returns how many were new. An
     * unreadable update is acknowledged with the rest (its id committed) and changes nothing.
     */
    synchronized int apply(List<IncomingUpdate> updates) {
        long after = lastCommitted();
        boolean quiet = lastCommittedDay.isPresent()
                && offsets.today() - lastCommittedDay.getAsLong() >= NO_REDELIVERY_AFTER_DAYS;
        List<IncomingUpdate> fresh = new ArrayList<>();
        for (IncomingUpdate update : updates) {
            if (quiet || isNew(update.id(), after)) {
                fresh.add(update);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        fresh.sort(Comparator.comparingLong(IncomingUpdate::id));
        long last = fresh.get(fresh.size() - 1).id();
        List<Update> readable = fresh.stream().flatMap(u -> u.content().stream()).toList();
        List<Owed> results;
        try {
            results = units.atomically(() -> {
                List<UpdateProcessor.Processed> all;
                try (UnitOfWork.Shared shared = units.share()) {
                    all = chats.map(readable, processor::process, shared::join);
                }
                List<Owed> owed = owe(all);
                offsets.commit(last);
                return owed;
            });
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // stopping: nothing committed, Telegram delivers the batch again
            }
            log.warn("a batch of {} updates failed ({}); applying them one at a time", fresh.size(),
                    e.getClass().getName());
            fresh.forEach(this::applyAlone);
            return fresh.size();
        }
        committed(last);
        results.forEach(this::dispatch);
        return fresh.size();
    }

    /**
     * Newer than the last committed update, or so much older that it cannot be a redelivery:
     * after a week without updates Telegram starts the ids again at a random value, and a
     * webhook must not then ignore everything until the new ids pass the old ones. (Telegram
     * redelivers only what was not confirmed, which is never far behind.) A new sequence that
     * starts just below the old ids is told apart by the day instead: see {@link #apply}.
     */
    static boolean isNew(long updateId, long lastCommitted) {
        return updateId > lastCommitted || updateId < lastCommitted - REDELIVERY_WINDOW;
    }

    private void applyAlone(IncomingUpdate incoming) {
        long id = incoming.id();
        if (incoming.content().isEmpty()) {
            units.atomically(() -> offsets.commit(id));
            committed(id);
            return;
        }
        Update update = incoming.content().get();
        String failure = "";
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            try {
                Owed processed = units.atomically(() -> {
                    Owed p = owe(List.of(processor.process(update))).get(0);
                    offsets.commit(id);
                    return p;
                });
                committed(id);
                dispatch(processed);
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // stopping is no reason to skip an update
                }
                failure = e.getClass().getName();
            }
        }
        log.warn("skipped an update after {} failed tries ({})", MAX_TRIES, failure);
        units.atomically(() -> offsets.commit(id));
        committed(id);
        if (update.getCallbackQuery() != null && update.getCallbackQuery().getId() != null) {
            sender.answerCallback(update.getCallbackQuery().getId());
        }
    }

    private void committed(long id) {
        lastCommitted = id;
        lastCommittedDay = OptionalLong.of(offsets.today());
        status.updateCommitted();
    }

    private void dispatch(Owed owed) {
        owed.processed().callbackQueryId().ifPresent(sender::answerCallback);
        List<UpdateProcessor.Reply> replies = owed.processed().replies();
        for (int i = 0; i < replies.size(); i++) {
            UpdateProcessor.Reply reply = replies.get(i);
            Runnable settled = owed.settles().get(i);
            long chat = TelegramChats.id(reply.chat());
            if (reply.expiresAfter().isPresent()) {
                // The entry is settled when the review screen is gone, not when it is shown.
                sender.submit(chat, reply.action());
                sender.expireAfter(chat, reply.expiresAfter().get(), List.of(), settled);
            } else {
                sender.submit(chat, reply.action(), settled);
            }
        }
    }
}
