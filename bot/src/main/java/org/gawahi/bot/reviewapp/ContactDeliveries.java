package org.gawahi.bot.reviewapp;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A moderator's one message to a respondent, written in the review app: the handle was opened
 * and erased (and audited) by ContactBack before it lands here; the bot sends it to her chat
 * with the notices of the next update it handles. Held in memory only, never printed.
 */
public final class ContactDeliveries {
    private record Delivery(long chatId, String text) {
        @Override
        public String toString() {
            return "Delivery[REDACTED]";
        }
    }

    private final Queue<Delivery> due = new ConcurrentLinkedQueue<>();

    void add(long chatId, String text) {
        due.add(new Delivery(chatId, text));
    }

    /** The messages due since the last call, merged into {@code notices} by chat id. */
    public void drainInto(Map<Long, String> notices) {
        for (Delivery d = due.poll(); d != null; d = due.poll()) {
            notices.merge(d.chatId(), d.text(), (a, b) -> a + "\n\n" + b);
        }
    }

    @Override
    public String toString() {
        return "ContactDeliveries[" + due.size() + " due]";
    }
}
