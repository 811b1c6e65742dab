package org.gawahi.bot.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.gawahi.storage.reports.Cell;
import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.Figure;
import org.gawahi.storage.reports.Percentage;
import org.gawahi.storage.reports.Report;

/**
 * A report flattened to one line per indicator, area and period (totals included): what
 * the CSV and JSON exports print. Only published values are here; a suppressed count is
 * an empty value with a note.
 */
final class ReportLines {
    /**
     * @param count       empty when not printed
     * @param denominator empty for a count indicator or when not printed
     * @param percent     whole percent, when it may be printed
     */
    record Line(Figure figure, String area, String period, OptionalLong count, OptionalLong denominator,
                Optional<Long> percent, String note) {
    }

    private ReportLines() {
    }

    static List<Line> of(Report report, Wording words) {
        List<Line> lines = new ArrayList<>();
        for (Figure figure : report.figures()) {
            List<String> rows = new ArrayList<>(figure.counts().rows());
            rows.add(CellKey.TOTAL);
            List<String> columns = new ArrayList<>(figure.counts().columns());
            columns.add(CellKey.TOTAL);
            for (String row : rows) {
                for (String column : columns) {
                    lines.add(line(figure, new CellKey(row, column), words));
                }
            }
        }
        return lines;
    }

    private static Line line(Figure figure, CellKey key, Wording words) {
        OptionalLong count = value(figure.counts().cell(key));
        OptionalLong denominator = figure.denominators().map(d -> value(d.cell(key))).orElse(OptionalLong.empty());
        Optional<Percentage> share = figure.share(key);
        Optional<Long> percent = share.filter(Percentage.Shown.class::isInstance)
                .map(s -> ((Percentage.Shown) s).roundedPercent());
        List<String> notes = new ArrayList<>();
        if (count.isEmpty() || (figure.denominators().isPresent() && denominator.isEmpty())) {
            notes.add(words.message("not_printed_note"));
        }
        share.filter(Percentage.Withheld.class::isInstance).map(Percentage.Withheld.class::cast)
                .filter(w -> w.why() != Percentage.Why.SUPPRESSED) // already said: not printed
                .ifPresent(w -> notes.add(words.withheld(w)));
        return new Line(figure, key.row(), key.column(), count, denominator, percent, String.join("; ", notes));
    }

    private static OptionalLong value(Cell cell) {
        return cell instanceof Cell.Count c ? OptionalLong.of(c.value()) : OptionalLong.empty();
    }
}
