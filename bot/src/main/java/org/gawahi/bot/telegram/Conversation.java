package org.gawahi.bot.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * The messages of one private chat that the bot will delete when the conversation ends: its
 * own (her messages are deleted as soon as they are read), and which of its own is the screen
 * now. In memory only: a restart forgets the list; what must survive one is in the outbox
 * ({@link ChatOutbox}), and a conversation that {@linkplain #remembersNothing() remembers
 * nothing} sweeps the ids below the current one on quick exit (ids in a private chat are
 * sequential). Used by one thread at a time (the chat's lane in {@link Sender}).
 */
final class Conversation {
    /** A flood must not grow memory without bound; the oldest ids are forgotten first. */
    static final int MAX_TRACKED = 1_000;

    private final LinkedHashSet<Integer> tracked = new LinkedHashSet<>();
    private Integer screen;
    private Instant lastActive;
    private boolean used;

    Conversation(Instant now) {
        this.lastActive = now;
    }

    void track(int messageId) {
        used = true;
        tracked.add(messageId);
        if (tracked.size() > MAX_TRACKED) {
            Iterator<Integer> oldest = tracked.iterator();
            Integer dropped = oldest.next();
            oldest.remove();
            if (dropped.equals(screen)) {
                screen = null;
            }
        }
    }

    void trackAll(List<Integer> messageIds) {
        messageIds.forEach(this::track);
    }

    OptionalInt screen() {
        return screen == null ? OptionalInt.empty() : OptionalInt.of(screen);
    }

    void setScreen(int messageId) {
        track(messageId);
        screen = messageId;
    }

    void forget(int messageId) {
        tracked.remove(messageId);
        if (Integer.valueOf(messageId).equals(screen)) {
            screen = null;
        }
    }

    /** Every tracked id, oldest first; the conversation is empty afterwards. */
    List<Integer> takeAll() {
        List<Integer> all = new ArrayList<>(tracked);
        tracked.clear();
        screen = null;
        return all;
    }

    /** Nothing was ever tracked: new since a restart (or since 48 hours of silence). */
    boolean remembersNothing() {
        return !used;
    }

    /** The highest id tracked, 0 when none. */
    int highest() {
        return tracked.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    boolean isEmpty() {
        return tracked.isEmpty();
    }

    void touch(Instant now) {
        lastActive = now;
    }

    Instant lastActive() {
        return lastActive;
    }

    @Override
    public String toString() {
        return "Conversation[" + tracked.size() + " messages]";
    }
}
