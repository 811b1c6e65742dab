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
        PREVIOUS_REPORT
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
