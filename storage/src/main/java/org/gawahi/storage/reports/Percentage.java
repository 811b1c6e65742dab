package org.gawahi.storage.reports;

import java.util.Objects;

/** A share that may be printed with its denominator, or the reason it may not. */
public sealed interface Percentage permits Percentage.Shown, Percentage.Withheld {

    enum Why {
        /** The denominator is under the minimum: "fewer than 20 reports". */
        FEW_REPORTS,
        /** The numerator is a small non-zero count: "fewer than 5 cases". */
        FEW_CASES,
        /** The numerator or denominator is suppressed in its table. */
        SUPPRESSED
    }

    /** Print as "{@code roundedPercent()}% (n = {@code denominator})"; research §6 asks for n. */
    record Shown(long numerator, long denominator) implements Percentage {
        public Shown {
            if (denominator <= 0 || numerator < 0 || numerator > denominator) {
                throw new IllegalArgumentException("Not a share: " + numerator + " of " + denominator);
            }
        }

        public double percent() {
            return 100.0 * numerator / denominator;
        }

        /** Whole percent, halves rounded up. */
        public long roundedPercent() {
            return (200 * numerator + denominator) / (2 * denominator);
        }
    }

    /**
     * @param minimum the threshold that was not reached; 0 for {@link Why#SUPPRESSED}
     */
    record Withheld(Why why, int minimum) implements Percentage {
        public Withheld {
            Objects.requireNonNull(why, "why");
            if ((why == Why.SUPPRESSED) != (minimum == 0)) {
                throw new IllegalArgumentException(why + " with minimum " + minimum);
            }
        }

        /** The note for the English report; other languages translate from {@link #why()}. */
        public String inEnglish() {
            return switch (why) {
                case FEW_REPORTS -> "fewer than " + minimum + " reports";
                case FEW_CASES -> "fewer than " + minimum + " cases";
                case SUPPRESSED -> "withheld to protect a suppressed figure";
            };
        }
    }
}
