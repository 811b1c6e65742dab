package org.gawahi.storage.reports;

import java.util.Objects;

/**
 * One entry of a table, named by its row and column labels rather than by position, so that
 * a suppression pattern saved with one report still fits the next report of the same period
 * when a row or column has been added. Totals use the label {@link #TOTAL}, which
 * {@link FrequencyTable} refuses as a row or column label.
 */
public record CellKey(String row, String column) {
    public static final String TOTAL = "Total";

    public CellKey {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
    }

    public static CellKey rowTotal(String row) {
        return new CellKey(row, TOTAL);
    }

    public static CellKey columnTotal(String column) {
        return new CellKey(TOTAL, column);
    }

    public static CellKey grandTotal() {
        return new CellKey(TOTAL, TOTAL);
    }

    public boolean isTotal() {
        return row.equals(TOTAL) || column.equals(TOTAL);
    }
}
