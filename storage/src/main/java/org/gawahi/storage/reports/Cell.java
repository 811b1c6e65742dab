package org.gawahi.storage.reports;

import java.util.Objects;

/**
 * One entry of a {@link PublishedTable}: a count that may be printed, or a suppression. A
 * suppressed cell carries only why, never its count, so no output code can leak it.
 */
public sealed interface Cell permits Cell.Count, Cell.Suppressed {

    /** Why a cell is not printed. */
    enum Reason {
        /** Fewer than the threshold (5, or 10 when sensitive), and not zero. */
        PRIMARY,
        /** Hidden so that a primary cell cannot be worked out from the others and the totals. */
        COMPLEMENTARY,
        /** Suppressed in an earlier report of the same period, so it stays suppressed. */
        PREVIOUS_REPORT,
        /**
         * Its difference from a figure published before (another report, a brief) is taken over
         * fewer testimonies than the threshold, so printing it would tell what those few answered.
         */
        EARLIER_PUBLICATION,
        /** Hidden so that the interval another withheld figure can take stays at least the threshold wide. */
        INTERVAL,
        /** A sensitive figure that is all or none of a group smaller than the minimum group. */
        WHOLE_GROUP
    }

    record Count(long value) implements Cell {
        public Count {
            if (value < 0) {
                throw new IllegalArgumentException("A count cannot be negative: " + value);
            }
        }
    }

    record Suppressed(Reason reason) implements Cell {
        public Suppressed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
