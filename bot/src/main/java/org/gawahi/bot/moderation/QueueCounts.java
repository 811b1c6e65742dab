package org.gawahi.bot.moderation;

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

    /** Urgent first, as moderators should read it. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("Urgent, waiting: ").append(urgentPending).append('\n');
        s.append("Waiting for review: ").append(pending).append('\n');
        if (overdue > 0) {
            s.append("Waiting more than ").append(Review.OVERDUE.toDays()).append(" days: ").append(overdue).append('\n');
        }
        s.append("Approved: ").append(approved).append('\n');
        s.append("Rejected: ").append(rejected).append('\n');
        s.append("Withdrawn: ").append(withdrawn);
        if (!leftOut.isEmpty()) {
            s.append("\nPassed over, damaged or changed outside Gawahi (an operator should run `gawahi doctor`): ")
                    .append(String.join(", ", leftOut));
        }
        return s.toString();
    }
}
