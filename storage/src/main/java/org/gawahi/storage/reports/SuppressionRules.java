package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The small-cell thresholds every published figure must pass (research §7).
 *
 * <p>The floor of {@value #FLOOR} is enforced by the canonical constructor itself, so no path
 * (factory, {@code new}, deserialisation through the constructor) can build weaker rules.
 * Every refused setting is named in one message, so an operator fixes them all at once.
 *
 * @param minimumCount          a non-zero count below this is suppressed (default 5)
 * @param minimumSensitiveCount the same for sensitive cells: sexual violence, minors, children
 *                              removed, FIRs (default 10); never below {@code minimumCount}
 * @param minimumDenominator    no percentage on fewer reports than this (default 20); never
 *                              below {@code minimumCount}, because the denominator is printed
 *                              beside the percentage
 * @param minimumGroup          a sensitive figure that is all or none of its group (its
 *                              denominator, or everyone its cell counts over) is printed only
 *                              when the group has at least this many (default 20): "12 of 12
 *                              arrested" says what happened to each of the 12; never below
 *                              {@code minimumSensitiveCount}
 */
public record SuppressionRules(int minimumCount, int minimumSensitiveCount, int minimumDenominator, int minimumGroup) {
    /** No threshold may be set below this: OECD practice uses 3 as the very least. */
    public static final int FLOOR = 3;
    /** The minimum group when none is configured. */
    public static final int DEFAULT_MINIMUM_GROUP = 20;

    /** With the default minimum group (or the sensitive threshold, when that is higher). */
    public SuppressionRules(int minimumCount, int minimumSensitiveCount, int minimumDenominator) {
        this(minimumCount, minimumSensitiveCount, minimumDenominator,
                Math.max(DEFAULT_MINIMUM_GROUP, minimumSensitiveCount));
    }

    public SuppressionRules {
        List<String> problems = new ArrayList<>();
        floor("minimumCount", minimumCount, problems);
        floor("minimumSensitiveCount", minimumSensitiveCount, problems);
        floor("minimumDenominator", minimumDenominator, problems);
        floor("minimumGroup", minimumGroup, problems);
        if (minimumGroup < minimumSensitiveCount) {
            problems.add("minimumGroup is " + minimumGroup + ", below minimumSensitiveCount " + minimumSensitiveCount
                    + "; a group smaller than that is not printed at all");
        }
        if (minimumSensitiveCount < minimumCount) {
            problems.add("minimumSensitiveCount is " + minimumSensitiveCount
                    + ", below minimumCount " + minimumCount + "; sensitive cells need at least the normal threshold");
        }
        if (minimumDenominator < minimumCount) {
            problems.add("minimumDenominator is " + minimumDenominator
                    + ", below minimumCount " + minimumCount + "; the denominator is published beside every percentage");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Refusing suppression thresholds: " + String.join("; ", problems));
        }
    }

    /** 5, 10 and 20, as in research §7, and a minimum group of 20. */
    public static SuppressionRules defaults() {
        return new SuppressionRules(5, 10, 20, DEFAULT_MINIMUM_GROUP);
    }

    /** Configured rules with a minimum group; throws {@link IllegalArgumentException} naming each setting it refuses. */
    public static SuppressionRules of(int minimumCount, int minimumSensitiveCount, int minimumDenominator,
                                      int minimumGroup) {
        return new SuppressionRules(minimumCount, minimumSensitiveCount, minimumDenominator, minimumGroup);
    }

    /** Configured rules; throws {@link IllegalArgumentException} naming each setting it refuses. */
    public static SuppressionRules of(int minimumCount, int minimumSensitiveCount, int minimumDenominator) {
        return new SuppressionRules(minimumCount, minimumSensitiveCount, minimumDenominator);
    }

    /** The smallest non-zero count that may be published for a cell of this kind. */
    public int threshold(boolean sensitive) {
        return sensitive ? minimumSensitiveCount : minimumCount;
    }

    private static void floor(String setting, int value, List<String> problems) {
        if (value < FLOOR) {
            problems.add(setting + " is " + value + "; it cannot be set below " + FLOOR);
        }
    }
}
