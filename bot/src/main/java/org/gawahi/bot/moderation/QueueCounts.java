package org.gawahi.bot.moderation;

import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;

/**
 * The review queue at a glance: counts only, no content.
 *
 * @param overdue pending testimonies that have waited longer than {@link Review#OVERDUE}
 * @param leftOut the ids (never content) of pending testimonies review passes over: their
 *                record does not open, or their state does not verify
 */
public record QueueCounts(int urgentPending, int pending, int overdue, int approved, int rejected, int withdrawn,
                          java.util.List<String> leftOut) {

    public QueueCounts {
        leftOut = java.util.List.copyOf(leftOut);
    }

    public QueueCounts(int urgentPending, int pending, int overdue, int approved, int rejected, int withdrawn) {
        this(urgentPending, pending, overdue, approved, rejected, withdrawn, java.util.List.of());
    }

    /** Urgent first, as moderators should read it, in English (the terminal review). */
    public String describe() {
        return describe(DeskMessages.shipped().english());
    }

    /** Urgent first, as moderators should read it, in {@code words}' language. */
    public String describe(DeskTexts words) {
        StringBuilder s = new StringBuilder();
        s.append(words.message("queue_urgent", "count", urgentPending)).append('\n');
        s.append(words.message("queue_pending", "count", pending)).append('\n');
        if (overdue > 0) {
            s.append(words.message("queue_overdue", java.util.Map.of("days", Long.toString(Review.OVERDUE.toDays()),
                    "count", Integer.toString(overdue)))).append('\n');
        }
        s.append(words.message("queue_approved", "count", approved)).append('\n');
        s.append(words.message("queue_rejected", "count", rejected)).append('\n');
        s.append(words.message("queue_withdrawn", "count", withdrawn));
        if (!leftOut.isEmpty()) {
            s.append('\n').append(words.message("queue_left_out", "ids", String.join(", ", leftOut)));
        }
        return s.toString();
    }
}
