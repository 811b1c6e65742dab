package org.gawahi.storage.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts before disclosure control: rows (areas) by columns (periods), with their totals.
 *
 * <p>Internally the table is held with its margins: row {@code rows().size()} is the
 * column totals and column {@code columns().size()} is the row totals, so the suppression
 * code treats a total as one more entry of its row and its column. A total is sensitive
 * when any count it adds up is sensitive, since it is at most as safe as its parts.
 */
public final class FrequencyTable {
    private final List<String> rows;
    private final List<String> columns;
    private final Map<String, Integer> rowIndex;
    private final Map<String, Integer> columnIndex;
    /** (rows + 1) x (columns + 1): counts with their totals in the last row and column. */
    private final long[][] values;
    private final boolean[][] sensitive;

    private FrequencyTable(Builder built) {
        this.rows = built.rows;
        this.columns = built.columns;
        this.rowIndex = Map.copyOf(built.rowIndex);
        this.columnIndex = Map.copyOf(built.columnIndex);
        long[][] counts = built.counts;
        boolean[][] sensitiveCells = built.sensitive;
        int r = rows.size();
        int c = columns.size();
        this.values = new long[r + 1][c + 1];
        this.sensitive = new boolean[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                long count = counts[i][j];
                boolean delicate = sensitiveCells[i][j];
                values[i][j] = count;
                sensitive[i][j] = delicate;
                values[i][c] = Math.addExact(values[i][c], count);
                values[r][j] = Math.addExact(values[r][j], count);
                values[r][c] = Math.addExact(values[r][c], count);
                sensitive[i][c] |= delicate;
                sensitive[r][j] |= delicate;
                sensitive[r][c] |= delicate;
            }
        }
    }

    public static Builder builder(List<String> rows, List<String> columns) {
        return new Builder(rows, columns);
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    /** The count, or the total when {@code key} names one. */
    public long count(CellKey key) {
        return values[row(key.row())][column(key.column())];
    }

    public boolean isSensitive(CellKey key) {
        return sensitive[row(key.row())][column(key.column())];
    }

    public boolean contains(CellKey key) {
        return (key.row().equals(CellKey.TOTAL) || rowIndex.containsKey(key.row()))
                && (key.column().equals(CellKey.TOTAL) || columnIndex.containsKey(key.column()));
    }

    // Positional access with margins, for the suppression code.

    int height() {
        return rows.size() + 1;
    }

    int width() {
        return columns.size() + 1;
    }

    long value(int row, int column) {
        return values[row][column];
    }

    boolean sensitive(int row, int column) {
        return sensitive[row][column];
    }

    boolean isTotal(int row, int column) {
        return row == rows.size() || column == columns.size();
    }

    CellKey key(int row, int column) {
        return new CellKey(row == rows.size() ? CellKey.TOTAL : rows.get(row),
                column == columns.size() ? CellKey.TOTAL : columns.get(column));
    }

    int row(String label) {
        return label.equals(CellKey.TOTAL) ? rows.size() : known(rowIndex, label, "row");
    }

    int column(String label) {
        return label.equals(CellKey.TOTAL) ? columns.size() : known(columnIndex, label, "column");
    }

    private static int known(Map<String, Integer> index, String label, String what) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException("No " + what + " '" + label + "' in this table");
        }
        return i;
    }

    private static Map<String, Integer> indexOf(List<String> labels, String what) {
        Map<String, Integer> index = new HashMap<>();
        for (String label : labels) {
            if (label.isBlank() || label.equals(CellKey.TOTAL)) {
                throw new IllegalArgumentException("A " + what + " label must be non-blank and not '"
                        + CellKey.TOTAL + "': '" + label + "'");
            }
            if (index.put(label, index.size()) != null) {
                throw new IllegalArgumentException("Duplicate " + what + " label '" + label + "'");
            }
        }
        return index;
    }

    /** Collects counts; a cell never set is zero and not sensitive. */
    public static final class Builder {
        private final List<String> rows;
        private final List<String> columns;
        private final Map<String, Integer> rowIndex;
        private final Map<String, Integer> columnIndex;
        private final long[][] counts;
        private final boolean[][] sensitive;

        private Builder(List<String> rows, List<String> columns) {
            this.rows = List.copyOf(rows);
            this.columns = List.copyOf(columns);
            if (this.rows.isEmpty() || this.columns.isEmpty()) {
                throw new IllegalArgumentException("A table needs at least one row and one column");
            }
            this.rowIndex = indexOf(this.rows, "row");
            this.columnIndex = indexOf(this.columns, "column");
            this.counts = new long[this.rows.size()][this.columns.size()];
            this.sensitive = new boolean[this.rows.size()][this.columns.size()];
        }

        public Builder count(String row, String column, long count) {
            return set(row, column, count, false);
        }

        /** A count that uses the stricter threshold: sexual violence, minors, children removed, FIRs. */
        public Builder sensitiveCount(String row, String column, long count) {
            return set(row, column, count, true);
        }

        private Builder set(String row, String column, long count, boolean isSensitive) {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(column, "column");
            if (count < 0) {
                throw new IllegalArgumentException("Count for (" + row + ", " + column + ") is negative: " + count);
            }
            int i = known(rowIndex, row, "row");
            int j = known(columnIndex, column, "column");
            counts[i][j] = count;
            sensitive[i][j] = isSensitive;
            return this;
        }

        public FrequencyTable build() {
            return new FrequencyTable(this);
        }
    }
}
