package org.gawahi.bot.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gawahi.config.questionnaire.Indicator;
import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.Figure;
import org.gawahi.storage.reports.Percentage;
import org.gawahi.storage.reports.Report;

/**
 * What a brief prints of the event's tables, in one place: every figure is the total of an
 * indicator's counts and denominators table of the event's month that the disclosure control
 * ({@code storage/.../reports/Reporting#event}: the thresholds, complementary suppression,
 * the whole-group rule for sensitive figures, the interval audit and the disclosure history)
 * published as a {@link Cell.Count}, and nothing else.
 *
 * <p>Counted as in the period reports, under the same names and units, so that a brief and a
 * report can be checked against each other; except the indicators counted in raids (at night,
 * no woman officer at entry, media present...), which would count the event once (one raid,
 * under any threshold): a brief counts them by testimony, under their own table names, and
 * says so ("9 of the 12 testimonies that answered this say so"). A figure is listed only
 * when its count was published and is not zero: a matter told by fewer testimonies than the
 * threshold is not named at all, since naming it would say that one to four women told it.
 */
final class BriefFigures {
    private BriefFigures() {
    }

    /**
     * A figure that may be printed.
     *
     * @param share       the percentage, when one may be printed beside the count
     * @param byTestimony a matter of the raid itself, counted as how many testimonies say so
     */
    record Published(Indicator indicator, long count, long denominator, Percentage share, boolean byTestimony) {
        Published {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(share, "share");
        }
    }

    /** The event's figures the disclosure control published, in the indicators' order. */
    static List<Published> published(Report disclosed) {
        List<Published> published = new ArrayList<>();
        for (Figure figure : disclosed.figures()) {
            if (!figure.indicator().isShare() || figure.denominators().isEmpty()) {
                continue; // a plain count (raids reported) is the event itself
            }
            CellKey total = CellKey.grandTotal();
            if (figure.counts().cell(total) instanceof Cell.Count n && n.value() > 0
                    && figure.denominators().get().cell(total) instanceof Cell.Count d
                    && figure.share(total).isPresent()) {
                published.add(new Published(figure.indicator(), n.value(), d.value(), figure.share(total).get(),
                        figure.byTestimony()));
            }
        }
        return published;
    }
}
