package org.gawahi.config.questionnaire;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * One figure of the collective's reports (research §6): what is counted, among whom, and
 * which legal safeguard it speaks to. Defined in {@code indicators.yaml}.
 *
 * <p>A testimony counts in the denominator when it is in the {@link #population()} and meets
 * the {@link #denominator()}; in the numerator when it also meets the {@link #numerator()}.
 * Without a denominator the indicator is a plain count (raids reported).
 *
 * @param finestArea the finest area its figures may be broken down to; sensitive indicators
 *                   are never finer than a state (research §7)
 */
public record Indicator(
        String id,
        Unit unit,
        Population population,
        Optional<Condition> numerator,
        Optional<Condition> denominator,
        List<String> safeguards,
        boolean sensitive,
        AreaLevel finestArea) {

    /** What one counted item is. */
    public enum Unit {
        /** Distinct raid events: testimonies linked to one event count once. */
        RAIDS,
        /** Testimonies. */
        TESTIMONIES,
        /**
         * Affected children, counted per testimony (per mother): the questionnaire asks once
         * what happened to all her children, and their number only in bands.
         */
        CHILDREN;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whose testimonies count. */
    public enum Population {
        /** Every source (it happened to me, I saw it, I was told), deduplicated by event. */
        ALL,
        /** Only "it happened to me": required for shares about persons. */
        FIRST_HAND;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum AreaLevel {
        STATE, DISTRICT;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        safeguards = List.copyOf(safeguards);
        Objects.requireNonNull(finestArea, "finestArea");
    }

    /** A share (with a denominator) rather than a count. */
    public boolean isShare() {
        return denominator.isPresent();
    }

    /** Whether a testimony's answers put it in the denominator (its population aside). */
    public boolean inDenominator(Function<String, Set<String>> answers) {
        return denominator.map(c -> c.holds(answers)).orElse(true);
    }

    /** Whether a testimony's answers put it in the numerator (its population aside). */
    public boolean inNumerator(Function<String, Set<String>> answers) {
        return inDenominator(answers) && numerator.map(c -> c.holds(answers)).orElse(true);
    }
}
