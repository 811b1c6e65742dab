package org.gawahi.config.settings;

/**
 * The small-cell thresholds of reports, as configured ({@code GAWAHI_MIN_COUNT},
 * {@code GAWAHI_MIN_SENSITIVE_COUNT}, {@code GAWAHI_MIN_DENOMINATOR}); 5, 10 and 20 when
 * unset. Nothing below {@link #FLOOR} is accepted, here and again by the suppression code.
 */
public record ReportThresholds(int minimumCount, int minimumSensitiveCount, int minimumDenominator) {
    public static final int FLOOR = 3;

    public static ReportThresholds defaults() {
        return new ReportThresholds(5, 10, 20);
    }
}
