package org.gawahi.storage.reports;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    /**
     * The units (testimonies, or raid events) each interior count is taken over, when the
     * builder was told them: what lets disclosure control compare this table with earlier
     * ones of other periods or events. Null when not given.
     */
    private final Set<String>[][] units;

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
        this.units = built.units == null ? null : margins(built.units, r, c);
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[][] margins(Set<String>[][] interior, int r, int c) {
        Set<String>[][] all = new Set[r + 1][c + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                all[i][j] = new HashSet<>();
            }
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                Set<String> u = interior[i][j] == null ? Set.of() : interior[i][j];
                all[i][j].addAll(u);
                all[i][c].addAll(u);
                all[r][j].addAll(u);
                all[r][c].addAll(u);
            }
        }
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                all[i][j] = Set.copyOf(all[i][j]);
            }
        }
        return all;
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

    /** Whether the units of every count were given (see {@link Builder#units}). */
    boolean hasUnits() {
        return units != null;
    }

    /** The units a count or total is taken over; only when {@link #hasUnits()}. */
    Set<String> units(int row, int column) {
        return units[row][column];
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
        private Set<String>[][] units;

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

        /**
         * The units the count of a cell is taken over: every testimony (or raid event) placed
         * in that cell, whether it is counted or not, by an id that stays the same from one
         * report to the next. Disclosure control compares these sets with those of earlier
         * tables: two cells over almost the same people must not both be published. Give the
         * units of every cell or of none; a cell never given has none.
         */
        @SuppressWarnings("unchecked")
        public Builder units(String row, String column, Collection<String> unitIds) {
            Objects.requireNonNull(unitIds, "unitIds");
            if (units == null) {
                units = new Set[rows.size()][columns.size()];
            }
            units[known(rowIndex, row, "row")][known(columnIndex, column, "column")] = Set.copyOf(unitIds);
            return this;
        }

        public FrequencyTable build() {
            return new FrequencyTable(this);
        }
    }
}
