package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Complementary suppression on a table with its margins. A line is a row or a column of
 * that grid (the totals row and totals column included), and its entries add up: the counts
 * to their total.
 *
 * <p>Two rules, applied until neither adds anything:
 * <ol>
 *   <li>A line with exactly one suppressed entry gives it away by one subtraction, so it
 *       gets a second one.</li>
 *   <li>Two suppressions per line are not enough on their own: two blocks of suppressed
 *       cells joined by a single cell let that cell be worked out by several subtractions
 *       (see {@link Bridges}). Such a cell gets a complement that joins the two blocks a
 *       second way.</li>
 * </ol>
 * Each round suppresses one more entry, so it ends.
 */
final class Complements {
    /**
     * Cheapest complement first: non-zero before zero (see {@link Suppressor} on zeros), then
     * the smallest count (least information lost), counts before totals, then position, so
     * the same table always gives the same pattern.
     */
    private final Comparator<Position> cheapestFirst;
    private final FrequencyTable table;
    private final Cell.Reason[][] reasons;

    Complements(FrequencyTable table, Cell.Reason[][] reasons) {
        this.table = table;
        this.reasons = reasons;
        this.cheapestFirst = Comparator
                .comparing((Position p) -> value(p) == 0)
                .thenComparingLong(this::value)
                .thenComparing(p -> table.isTotal(p.row(), p.column()))
                .thenComparingInt(Position::row)
                .thenComparingInt(Position::column);
    }

    void protect() {
        while (completeOneLine() || closeOneBridge()) {
            // each pass adds one complement
        }
    }

    /**
     * Suppresses the cheapest published entry whose row and column lie on opposite sides of
     * the first bridge, which puts the bridge on a cycle. One exists: once every line holds
     * none or at least two suppressed entries, each side of a bridge has a row and a column.
     */
    private boolean closeOneBridge() {
        List<Position> suppressed = suppressedEntries();
        int height = table.height();
        int width = table.width();
        Optional<Position> found = Bridges.first(height, width, suppressed);
        if (found.isEmpty()) {
            return false;
        }
        Position bridge = found.get();
        boolean[] rowSide = Bridges.reachable(height, width, suppressed, bridge, bridge.row());
        boolean[] columnSide = Bridges.reachable(height, width, suppressed, bridge, height + bridge.column());
        List<Position> joining = new ArrayList<>();
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                Position p = new Position(i, j);
                boolean joins = rowSide[i] && columnSide[height + j] || columnSide[i] && rowSide[height + j];
                if (joins && !suppressed(p)) {
                    joining.add(p);
                }
            }
        }
        Position complement = joining.stream().min(cheapestFirst).orElseThrow();
        reasons[complement.row()][complement.column()] = Cell.Reason.COMPLEMENTARY;
        return true;
    }

    private List<Position> suppressedEntries() {
        List<Position> suppressed = new ArrayList<>();
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                if (reasons[i][j] != null) {
                    suppressed.add(new Position(i, j));
                }
            }
        }
        return suppressed;
    }

    private boolean completeOneLine() {
        for (int i = 0; i < table.height(); i++) {
            if (complete(row(i))) {
                return true;
            }
        }
        for (int j = 0; j < table.width(); j++) {
            if (complete(column(j))) {
                return true;
            }
        }
        return false;
    }

    private boolean complete(List<Position> line) {
        if (line.stream().filter(this::suppressed).count() != 1) {
            return false;
        }
        // A line has at least two entries (a count and its total), so one is left to choose.
        Position complement = line.stream().filter(p -> !suppressed(p)).min(cheapestFirst).orElseThrow();
        reasons[complement.row()][complement.column()] = Cell.Reason.COMPLEMENTARY;
        return true;
    }

    private List<Position> row(int i) {
        List<Position> line = new ArrayList<>();
        for (int j = 0; j < table.width(); j++) {
            line.add(new Position(i, j));
        }
        return line;
    }

    private List<Position> column(int j) {
        List<Position> line = new ArrayList<>();
        for (int i = 0; i < table.height(); i++) {
            line.add(new Position(i, j));
        }
        return line;
    }

    private boolean suppressed(Position p) {
        return reasons[p.row()][p.column()] != null;
    }

    private long value(Position p) {
        return table.value(p.row(), p.column());
    }
}
