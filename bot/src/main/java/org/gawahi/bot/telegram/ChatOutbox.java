package org.gawahi.bot.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.outbox.SealedOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a committed update still owes a chat, kept in the {@link SealedOutbox} so that a crash or a
 * restart does not leave it undone: her messages to delete, a review screen to expire, a receipt
 * to send. {@link #owe} runs inside the batch's transaction: one sealed entry for all the messages
 * of the batch's people still to delete, one per receipt and one per review screen, none for a
 * reply that owes nothing (a press); an entry is removed once the {@link Sender} has carried out
 * every reply it covers.
 *
 * <p>Crash windows, as chosen: her message is deleted only after the commit, together with the
 * screen it replaces (one call, not two), so a batch with messages of hers writes one entry (one
 * seal, about 1.5 ms here, per batch, not per update). Deleting inside the batch, before the
 * commit, would save the entry when the call succeeds, but it puts a Bot API call, paced with
 * every other chat's, inside the transaction that holds the write lock. Entries whose deletions
 * are done are removed together every {@link #FLUSH_EVERY}: a crash in between repeats those
 * deletions, which is harmless (Telegram skips what is gone). A receipt has an entry of its own,
 * removed at once after the send, in its own transaction: only a crash inside that moment can show
 * a receipt twice; none can lose it.
 *
 * <p>{@link #replay} needs the unlocked keys. An intake-only bot cannot open entries: they wait
 * for an unlocked start, and are purged unread once Telegram's 48 hours for deleting are over.
 */
final class ChatOutbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatOutbox.class);
    static final Duration FLUSH_EVERY = Duration.ofSeconds(2);
    /** After a restart, an expired review screen is found around the message that asked for it. */
    static final int EXPIRY_REACH_BELOW = Presenter.SWEEP;
    static final int EXPIRY_REACH_ABOVE = ReliableCalls.DELETE_BATCH;
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Messages of one chat to delete. */
    record ChatIds(long chat, List<Integer> ids) {
        ChatIds {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }

        @Override
        public String toString() {
            return "ChatIds[REDACTED]";
        }
    }

    /**
     * The sealed content; never logged. Either a batch's deletions ({@code deletes}), or one
     * chat's receipt or review screen (with her messages that came with it).
     */
    record Entry(long chat, List<Integer> delete, int anchor, String receipt, Long expireAt, List<ChatIds> deletes) {
        Entry {
            delete = delete == null ? List.of() : List.copyOf(delete);
            deletes = deletes == null ? List.of() : List.copyOf(deletes);
        }

        @Override
        public String toString() {
            return "Entry[REDACTED]";
        }
    }

    private record Wire(int v, long chat, List<Integer> delete, int anchor, String receipt, Long expireAt,
                        List<ChatIds> deletes) {
        @Override
        public String toString() {
            return "Wire[REDACTED]";
        }
    }

    private final Optional<SealedOutbox> store;
    private final Optional<Opener> opener;
    private final Clock clock;
    private final Set<String> done = new HashSet<>();
    private final ScheduledExecutorService flusher;

    private ChatOutbox(Optional<SealedOutbox> store, Optional<Opener> opener, Clock clock) {
        this.store = store;
        this.opener = opener;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flusher = store.isPresent() ? Executors.newSingleThreadScheduledExecutor(Sender.named("gawahi-outbox"))
                : null;
        if (flusher != null) {
            flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A durable outbox; {@code opener} present when the bot runs unlocked. */
    static ChatOutbox sealed(SealedOutbox store, Optional<Opener> opener, Clock clock) {
        return new ChatOutbox(Optional.of(store), opener, clock);
    }

    /** Nothing kept: a restart forgets what was owed (tests and tools that need no outbox). */
    static ChatOutbox none(Clock clock) {
        return new ChatOutbox(Optional.empty(), Optional.empty(), clock);
    }

    /**
     * Inside the batch's transaction: seals what {@code replies} will owe their chats once
     * committed, and returns, for each reply in order, what to run once the {@link Sender} has
     * carried it out (for a review screen: once it has expired).
     */
    List<Runnable> owe(List<UpdateProcessor.Reply> replies) {
        List<Runnable> settles = new ArrayList<>();
        if (store.isEmpty()) {
            replies.forEach(r -> settles.add(() -> { }));
            return settles;
        }
        List<ChatIds> deletes = new ArrayList<>();
        AtomicReference<String> batchEntry = new AtomicReference<>();
        AtomicInteger covered = new AtomicInteger();
        Runnable batchSettle = () -> {
            if (covered.decrementAndGet() == 0) {
                done(batchEntry.get(), false);
            }
        };
        Instant now = clock.instant();
        for (UpdateProcessor.Reply reply : replies) {
            ChatAction action = reply.action();
            List<Integer> theirs = action.personMessageIds();
            boolean receipt = isReceipt(action);
            if (receipt || reply.expiresAfter().isPresent()) {
                OptionalInt pressed = action instanceof ChatAction.Show show ? show.pressedMessageId() : OptionalInt.empty();
                int anchor = Math.max(pressed.orElse(0), theirs.stream().mapToInt(Integer::intValue).max().orElse(0));
                Long expireAt = reply.expiresAfter().map(d -> now.plus(d).toEpochMilli()).orElse(null);
                Entry entry = new Entry(TelegramChats.id(reply.chat()), theirs, anchor,
                        receipt ? ((ChatAction.Show) action).screen().text() : null, expireAt, List.of());
                String id = put(entry, expireAt == null ? now : Instant.ofEpochMilli(expireAt));
                settles.add(() -> done(id, receipt));
            } else if (!theirs.isEmpty()) {
                deletes.add(new ChatIds(TelegramChats.id(reply.chat()), theirs));
                covered.incrementAndGet();
                settles.add(batchSettle);
            } else {
                settles.add(() -> { });
            }
        }
        if (!deletes.isEmpty()) {
            batchEntry.set(put(new Entry(0, List.of(), 0, null, null, deletes), now));
        }
        return settles;
    }

    private static boolean isReceipt(ChatAction action) {
        return action instanceof ChatAction.Show show && show.screen().ending() == Screen.Ending.SUBMITTED;
    }

    private String put(Entry entry, Instant due) {
        try (SecretBytes content = encode(entry)) {
            return store.orElseThrow().put(content, due);
        }
    }

    /** The entry's work is done; removed with the next flush, or at once for a receipt. */
    void done(String id, boolean now) {
        if (store.isEmpty()) {
            return;
        }
        if (now) {
            try {
                store.get().remove(List.of(id));
                return;
            } catch (RuntimeException e) {
                log.warn("an outbox entry could not be removed now ({}); retried with the next flush",
                        e.getClass().getName());
            }
        }
        synchronized (done) {
            done.add(id);
        }
    }

    /** Removes every entry reported done; the ids stay for the next flush if this fails. */
    void flush() {
        List<String> ids;
        synchronized (done) {
            ids = new ArrayList<>(done);
        }
        if (ids.isEmpty() || store.isEmpty()) {
            return;
        }
        store.get().remove(ids);
        synchronized (done) {
            ids.forEach(done::remove);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("outbox flush failed ({})", e.getClass().getName());
        }
    }

    /**
     * At start, before the first update: purges entries past Telegram's 48 hours (whatever the
     * keys), and, unlocked, hands every other entry to {@code sender}: deletions now, an expired
     * review screen now and one still due at its time, a receipt not yet sent (sent once; then
     * the entry goes). Returns how many entries were handed on.
     */
    int replay(Sender sender) {
        if (store.isEmpty()) {
            return 0;
        }
        int purged = store.get().purgeExpired();
        if (purged > 0) {
            log.info("purged {} outbox entries older than Telegram's 48 hours", purged);
        }
        if (opener.isEmpty()) {
            int waiting = store.get().count();
            if (waiting > 0) {
                log.info("{} outbox entries wait for an unlocked start (the keys are locked)", waiting);
            }
            return 0;
        }
        SealedOutbox.Opening opening = store.get().openAll(opener.get());
        if (opening.unopened() > 0) {
            log.warn("{} outbox entries do not open with these keys; they stay until purged", opening.unopened());
        }
        int handed = 0;
        for (SealedOutbox.Opened opened : opening.entries()) {
            Optional<Entry> entry;
            try (SecretBytes content = opened.content()) {
                entry = decode(content);
            }
            if (entry.isEmpty()) {
                log.warn("an outbox entry opened but cannot be read; removed");
                done(opened.id(), true);
                continue;
            }
            hand(sender, opened.id(), entry.get());
            handed++;
        }
        return handed;
    }

    private void hand(Sender sender, String id, Entry entry) {
        if (!entry.deletes().isEmpty()) {
            AtomicInteger left = new AtomicInteger(entry.deletes().size());
            for (ChatIds chat : entry.deletes()) {
                sender.submit(chat.chat(), new ChatAction.Delete(chat.ids()), () -> {
                    if (left.decrementAndGet() == 0) {
                        done(id, false);
                    }
                });
            }
        } else if (entry.receipt() != null) {
            Screen receipt = new Screen(entry.receipt(), List.of(), true, Optional.empty(), Screen.Ending.SUBMITTED);
            OptionalInt pressed = entry.anchor() > 0 ? OptionalInt.of(entry.anchor()) : OptionalInt.empty();
            sender.submit(entry.chat(), new ChatAction.Show(receipt, pressed, entry.delete()), () -> done(id, true));
        } else if (entry.expireAt() != null) {
            List<Integer> around = new ArrayList<>(entry.delete());
            for (int m = Math.max(1, entry.anchor() - EXPIRY_REACH_BELOW); m <= entry.anchor() + EXPIRY_REACH_ABOVE; m++) {
                around.add(m);
            }
            Duration left = Duration.between(clock.instant(), Instant.ofEpochMilli(entry.expireAt()));
            if (left.isNegative() || left.isZero()) {
                sender.submit(entry.chat(), new ChatAction.Expire(around), () -> done(id, false));
            } else {
                sender.expireAfter(entry.chat(), left, around, () -> done(id, false));
            }
        } else {
            sender.submit(entry.chat(), new ChatAction.Delete(entry.delete()), () -> done(id, false));
        }
    }

    private static SecretBytes encode(Entry entry) {
        try {
            return SecretBytes.adopt(JSON.writeValueAsBytes(new Wire(FORMAT, entry.chat(), entry.delete(),
                    entry.anchor(), entry.receipt(), entry.expireAt(), entry.deletes())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an outbox entry", e);
        }
    }

    private static Optional<Entry> decode(SecretBytes content) {
        try {
            Wire wire = JSON.readValue(content.bytes(), Wire.class);
            return wire.v() == FORMAT
                    ? Optional.of(new Entry(wire.chat(), wire.delete(), wire.anchor(), wire.receipt(), wire.expireAt(),
                            wire.deletes()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes what is done, then stops the flusher. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
            flushQuietly();
        }
    }
}
