package org.gawahi.bot.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gawahi.config.questionnaire.Condition;
import org.gawahi.config.questionnaire.Indicator;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.CountedTestimony;
import org.gawahi.storage.reports.FrequencyTable;
import org.gawahi.storage.reports.Percentage;
import org.gawahi.storage.reports.Percentages;
import org.gawahi.storage.reports.SuppressionRules;
import org.gawahi.storage.reports.Suppressor;

/**
 * Disclosure control for a brief, in one place: every figure a brief prints comes out of
 * {@link #publish}, through the same {@link Suppressor} and {@link Percentages} as the
 * collective's reports, so that a later check against everything published before (the
 * disclosure history) can be put here alone.
 *
 * <p>Within one raid every testimony counts (a raid's brief is about one event, so raids are
 * not counted once here), among the indicator's population. A figure is listed only when its
 * count may be printed and is not zero: a matter told by fewer testimonies than the threshold
 * is not named at all, since naming it would say that one to four women told it.
 */
final class BriefFigures {
    private static final String ROW = "event";
    private static final String COLUMN = "all";

    private BriefFigures() {
    }

    /**
     * A figure that may be printed.
     *
     * @param share the percentage, when one may be printed beside the count
     */
    record Published(Indicator indicator, long count, long denominator, Percentage share) {
        Published {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(share, "share");
        }
    }

    /** The figures of the event's counted testimonies that may be printed, in the indicators' order. */
    static List<Published> publish(List<Indicator> indicators, List<CountedTestimony> testimonies, Condition firstHand,
                                   SuppressionRules rules) {
        Suppressor suppressor = new Suppressor(rules);
        Percentages percentages = new Percentages(rules);
        List<Published> published = new ArrayList<>();
        for (Indicator indicator : indicators) {
            if (!indicator.isShare()) {
                continue; // a plain count (raids reported) is the event itself
            }
            long denominator = 0;
            long numerator = 0;
            for (CountedTestimony t : testimonies) {
                if (indicator.population() == Indicator.Population.FIRST_HAND && !firstHand.holds(t.answers())) {
                    continue;
                }
                if (indicator.inDenominator(t.answers())) {
                    denominator++;
                    if (indicator.inNumerator(t.answers())) {
                        numerator++;
                    }
                }
            }
            Cell n = suppressor.suppress(table(numerator, indicator.sensitive())).cell(ROW, COLUMN);
            Cell d = suppressor.suppress(table(denominator, indicator.sensitive())).cell(ROW, COLUMN);
            if (n instanceof Cell.Count nc && nc.value() > 0 && d instanceof Cell.Count dc) {
                published.add(new Published(indicator, nc.value(), dc.value(),
                        percentages.of(nc.value(), dc.value(), indicator.sensitive())));
            }
        }
        return published;
    }

    /** The number of testimonies, when it may be printed: never a count under the threshold. */
    static Cell testimonies(long count, SuppressionRules rules) {
        return new Suppressor(rules).suppress(table(count, false)).cell(ROW, COLUMN);
    }

    private static FrequencyTable table(long count, boolean sensitive) {
        FrequencyTable.Builder b = FrequencyTable.builder(List.of(ROW), List.of(COLUMN));
        return (sensitive ? b.sensitiveCount(ROW, COLUMN, count) : b.count(ROW, COLUMN, count)).build();
    }
}
