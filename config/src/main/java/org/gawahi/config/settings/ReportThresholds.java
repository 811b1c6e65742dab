package org.gawahi.config.settings;

/**
 * The small-cell thresholds of reports, as configured ({@code GAWAHI_MIN_COUNT},
 * {@code GAWAHI_MIN_SENSITIVE_COUNT}, {@code GAWAHI_MIN_DENOMINATOR}, {@code GAWAHI_MIN_GROUP});
 * 5, 10, 20 and 20 when unset. Nothing below {@link #FLOOR} is accepted, here and again by the
 * suppression code.
 *
 * @param minimumGroup a sensitive figure that is all or none of its group is printed only for a
 *                     group at least this large
 */
public record ReportThresholds(int minimumCount, int minimumSensitiveCount, int minimumDenominator, int minimumGroup) {
    public static final int FLOOR = 3;
    public static final int DEFAULT_MINIMUM_GROUP = 20;

    /** With the default minimum group, or the sensitive threshold when that is higher. */
    public ReportThresholds(int minimumCount, int minimumSensitiveCount, int minimumDenominator) {
        this(minimumCount, minimumSensitiveCount, minimumDenominator,
                Math.max(DEFAULT_MINIMUM_GROUP, minimumSensitiveCount));
    }

    public static ReportThresholds defaults() {
        return new ReportThresholds(5, 10, 20, DEFAULT_MINIMUM_GROUP);
    }
}
