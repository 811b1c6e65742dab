package org.gawahi.storage.reports;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table after disclosure control: what may leave the process. It holds published counts
 * and reasons, never a suppressed count. Save {@link #suppressedKeys()} with the report and
 * pass it back when the same period is reported again.
 */
public final class PublishedTable {
    private final FrequencyTable shape;
    private final Cell[][] cells;

    /** {@code cells} has the shape of the table with its margins; the caller hands it over. */
    PublishedTable(FrequencyTable shape, Cell[][] cells) {
        this.shape = shape;
        this.cells = cells;
    }

    /** The table this was made from, for disclosure control and its tests; holds the raw counts. */
    FrequencyTable shape() {
        return shape;
    }

    public List<String> rows() {
        return shape.rows();
    }

    public List<String> columns() {
        return shape.columns();
    }

    /** A count or total, by key; {@link CellKey#TOTAL} names the totals. */
    public Cell cell(CellKey key) {
        return cells[shape.row(key.row())][shape.column(key.column())];
    }

    public Cell cell(String row, String column) {
        return cell(new CellKey(row, column));
    }

    public Cell rowTotal(String row) {
        return cell(CellKey.rowTotal(row));
    }

    public Cell columnTotal(String column) {
        return cell(CellKey.columnTotal(column));
    }

    public Cell grandTotal() {
        return cell(CellKey.grandTotal());
    }

    /** Every suppressed cell and total, in row order: the pattern to keep for the next report. */
    public Set<CellKey> suppressedKeys() {
        Set<CellKey> keys = new LinkedHashSet<>();
        for (int i = 0; i < shape.height(); i++) {
            for (int j = 0; j < shape.width(); j++) {
                if (cells[i][j] instanceof Cell.Suppressed) {
                    keys.add(shape.key(i, j));
                }
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /** A printed count or total with the units it is taken over: what the disclosure history keeps. */
    record Printed(CellKey key, long value, Set<String> units) {
    }

    /** Every printed entry, with its units (none when the table was built without them). */
    List<Printed> printed() {
        List<Printed> printed = new java.util.ArrayList<>();
        for (int i = 0; i < shape.height(); i++) {
            for (int j = 0; j < shape.width(); j++) {
                if (cells[i][j] instanceof Cell.Count count) {
                    printed.add(new Printed(shape.key(i, j), count.value(),
                            shape.hasUnits() ? shape.units(i, j) : Set.of()));
                }
            }
        }
        return printed;
    }

    /**
     * True when no non-zero count survives, so a report says "nothing can be published for
     * this period" instead of printing zeros and blanks that could mislead.
     */
    public boolean nothingToPublish() {
        for (Cell[] row : cells) {
            for (Cell cell : row) {
                if (cell instanceof Cell.Count count && count.value() > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
