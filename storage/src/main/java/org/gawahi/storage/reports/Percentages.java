package org.gawahi.storage.reports;

import java.util.Objects;

/**
 * Decides whether a share may be printed (research §6 and §7): only on a denominator of at
 * least {@link SuppressionRules#minimumDenominator()} reports, and only when the numerator
 * could itself be printed, since the share and its n give the numerator back.
 */
public final class Percentages {
    private final SuppressionRules rules;

    public Percentages(SuppressionRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * A share computed from raw counts, such as a state or national figure.
     *
     * @param sensitive the numerator counts something sensitive (sexual violence, minors,
     *                  children removed, FIRs); its denominator then also needs at least the
     *                  sensitive threshold, in case that was set above the minimum denominator
     */
    public Percentage of(long numerator, long denominator, boolean sensitive) {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("Not a share: " + numerator + " of " + denominator);
        }
        int threshold = rules.threshold(sensitive);
        int minimumDenominator = Math.max(rules.minimumDenominator(), threshold);
        if (denominator < minimumDenominator) {
            return new Percentage.Withheld(Percentage.Why.FEW_REPORTS, minimumDenominator);
        }
        if (numerator > 0 && numerator < threshold) {
            return new Percentage.Withheld(Percentage.Why.FEW_CASES, threshold);
        }
        return new Percentage.Shown(numerator, denominator);
    }

    /**
     * A share whose numerator and denominator come from {@link PublishedTable}s. A suppressed
     * cell, complementary ones included, gives no share: printing one would hand back the
     * count that suppression hid. Cells made by hand rather than by a {@link Suppressor} are
     * still held to the ordinary threshold.
     */
    public Percentage of(Cell numerator, Cell denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (!(denominator instanceof Cell.Count d)) {
            return new Percentage.Withheld(Percentage.Why.SUPPRESSED, 0);
        }
        if (d.value() < rules.minimumDenominator()) {
            return new Percentage.Withheld(Percentage.Why.FEW_REPORTS, rules.minimumDenominator());
        }
        if (!(numerator instanceof Cell.Count n)) {
            return new Percentage.Withheld(Percentage.Why.SUPPRESSED, 0);
        }
        return of(n.value(), d.value(), false);
    }
}
