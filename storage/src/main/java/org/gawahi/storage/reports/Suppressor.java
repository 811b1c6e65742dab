package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Disclosure control for one table: decides which counts and totals may be printed.
 *
 * <p>Guarantees, for the table and its totals taken together:
 * <ul>
 *   <li>every printed count is zero or at least its threshold (see {@link SuppressionRules});</li>
 *   <li>no row or column, the totals row and totals column included, has exactly one
 *       suppressed entry, so no suppressed entry is one subtraction away from printed ones;</li>
 *   <li>the interval audit: given every printed entry and the earlier published cells,
 *       every suppressed entry can still take values over a range at least its threshold
 *       wide (or as wide as the earlier publications alone left it), found by linear
 *       programming ({@link IntervalAudit});</li>
 *   <li>with units ({@link FrequencyTable.Builder#units}): no printed entry differs from an
 *       earlier published cell by fewer testimonies than the threshold (the same period
 *       reported again after one more approval, a month inside a quarter reported before, an
 *       event inside a period), unless that earlier cell is printed again in this table;</li>
 *   <li>a sensitive entry equal to all or none of a group smaller than
 *       {@link SuppressionRules#minimumGroup()} is not printed;</li>
 *   <li>every entry named in the previous pattern is suppressed again.</li>
 * </ul>
 * The result depends only on the table, the rules, the history and the previous pattern.
 */
public final class Suppressor {
    /** How many of the cheapest, and of the largest, printed entries the widening tries. */
    private static final int TRIED = 4;
    private final SuppressionRules rules;

    public Suppressor(SuppressionRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public PublishedTable suppress(FrequencyTable table) {
        return suppress(table, Set.of());
    }

    /**
     * @param previouslySuppressed the {@link PublishedTable#suppressedKeys()} of an earlier
     *        report of the same period. Keys of rows or columns this table no longer has are
     *        ignored: nothing about them is published now.
     */
    public PublishedTable suppress(FrequencyTable table, Set<CellKey> previouslySuppressed) {
        return suppress(table, previouslySuppressed, List.of(), Optional.empty());
    }

    /**
     * The full control, against everything published before.
     *
     * @param earlier the cells published before under the same table name
     *                ({@link DisclosureHistory.History#cells}); used only when the table has units
     * @param of      the table whose counts this one's are part of (the denominators of a share),
     *                for the whole-group rule; without it, a count is of all its units
     */
    public PublishedTable suppress(FrequencyTable table, Set<CellKey> previouslySuppressed, List<EarlierCell> earlier,
                                   Optional<FrequencyTable> of) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(previouslySuppressed, "previouslySuppressed");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(of, "of");
        Cell.Reason[][] reasons = new Cell.Reason[table.height()][table.width()];
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                if (isPrimary(table.value(i, j), table.sensitive(i, j))) {
                    reasons[i][j] = Cell.Reason.PRIMARY;
                } else if (wholeGroup(table, of, i, j)) {
                    reasons[i][j] = Cell.Reason.WHOLE_GROUP;
                }
            }
        }
        for (CellKey key : previouslySuppressed) {
            if (table.contains(key)) {
                int i = table.row(key.row());
                int j = table.column(key.column());
                if (reasons[i][j] == null) {
                    reasons[i][j] = Cell.Reason.PREVIOUS_REPORT;
                }
            }
        }
        Optional<UnitSpace> space = table.hasUnits() ? Optional.of(new UnitSpace(table, earlier)) : Optional.empty();
        IntervalAudit audit = new IntervalAudit(table, space, rules);
        int before;
        do {
            before = count(reasons);
            space.ifPresent(s -> differences(table, s, reasons));
            new Complements(table, reasons).protect();
            if (count(reasons) == before) {
                audit.firstFailing(reasons).ifPresent(failing -> widen(table, reasons, failing, audit));
            }
        } while (count(reasons) > before);
        return publish(table, reasons);
    }

    /**
     * Zeros are published. A zero says that nobody reported this here and then, which points
     * at no one; hiding zeros would also make the threshold meaningless (a blank among zeros
     * reads as "1 to 4"). A zero is never chosen as a complement while a non-zero entry can
     * be, because zeros are often known from outside (no raid happened in that district that
     * quarter), and a complement whose value is known protects nothing.
     */
    private boolean isPrimary(long count, boolean sensitive) {
        return count > 0 && count < rules.threshold(sensitive);
    }

    /** A sensitive figure that is all, or none, of a group smaller than the minimum group. */
    private boolean wholeGroup(FrequencyTable table, Optional<FrequencyTable> of, int i, int j) {
        if (!table.sensitive(i, j)) {
            return false;
        }
        long group;
        if (of.isPresent()) {
            group = of.get().value(i, j);
        } else if (table.hasUnits()) {
            group = table.units(i, j).size();
        } else {
            return false;
        }
        long value = table.value(i, j);
        return group > 0 && group < rules.minimumGroup() && (value == 0 || value == group);
    }

    /**
     * Withholds each printed entry whose units differ from those of an earlier published cell
     * they share units with by more than none and fewer than the threshold. An earlier cell
     * whose units are exactly those of an entry printed now says nothing this table does not:
     * how this table's entries relate is the interval audit's business.
     */
    private void differences(FrequencyTable table, UnitSpace space, Cell.Reason[][] reasons) {
        List<BitSet> earlier = space.earlier();
        boolean[] mirrored = new boolean[earlier.size()];
        for (int k = 0; k < earlier.size(); k++) {
            for (int i = 0; i < table.height() && !mirrored[k]; i++) {
                for (int j = 0; j < table.width() && !mirrored[k]; j++) {
                    mirrored[k] = reasons[i][j] == null && space.cell(i, j).equals(earlier.get(k));
                }
            }
        }
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                if (reasons[i][j] != null) {
                    continue;
                }
                BitSet units = space.cell(i, j);
                int threshold = rules.threshold(table.sensitive(i, j));
                for (int k = 0; k < earlier.size(); k++) {
                    BitSet e = earlier.get(k);
                    if (!mirrored[k] && units.intersects(e)) {
                        int apart = UnitSpace.between(units, e);
                        if (apart > 0 && apart < threshold) {
                            reasons[i][j] = Cell.Reason.EARLIER_PUBLICATION;
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * Withholds one more entry so that a withheld one the audit found too narrow gets room: of
     * the printed entries of its row and column (else of the whole table), the one that widens
     * it most, the cheapest among equals (non-zero first, then the smallest count). A narrow
     * interval comes from a cycle of withheld entries through small counts, so the widest
     * choice is often a larger count, which the cheapest rule alone would never pick.
     */
    private static void widen(FrequencyTable table, Cell.Reason[][] reasons, Position failing, IntervalAudit audit) {
        Comparator<Position> cheapest = Comparator
                .comparing((Position p) -> table.value(p.row(), p.column()) == 0)
                .thenComparingLong(p -> table.value(p.row(), p.column()))
                .thenComparing(p -> table.isTotal(p.row(), p.column()))
                .thenComparingInt(Position::row)
                .thenComparingInt(Position::column);
        List<Position> inLine = new ArrayList<>();
        List<Position> anywhere = new ArrayList<>();
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                if (reasons[i][j] == null) {
                    Position p = new Position(i, j);
                    anywhere.add(p);
                    if (i == failing.row() || j == failing.column()) {
                        inLine.add(p);
                    }
                }
            }
        }
        List<Position> candidates = inLine.isEmpty() ? anywhere : inLine;
        candidates.sort(cheapest);
        if (candidates.size() > 2 * TRIED) { // the cheapest few and the largest few: each try is two linear programs
            List<Position> ends = new ArrayList<>(candidates.subList(0, TRIED));
            ends.addAll(candidates.subList(candidates.size() - TRIED, candidates.size()));
            candidates = ends;
        }
        Position best = null;
        long widest = -1;
        for (Position p : candidates) {
            reasons[p.row()][p.column()] = Cell.Reason.INTERVAL;
            long width = audit.width(failing, reasons);
            reasons[p.row()][p.column()] = null;
            if (width > widest) {
                widest = width;
                best = p;
            }
        }
        if (best != null) {
            reasons[best.row()][best.column()] = Cell.Reason.INTERVAL;
        }
    }

    private static int count(Cell.Reason[][] reasons) {
        int n = 0;
        for (Cell.Reason[] row : reasons) {
            for (Cell.Reason r : row) {
                if (r != null) {
                    n++;
                }
            }
        }
        return n;
    }

    private static PublishedTable publish(FrequencyTable table, Cell.Reason[][] reasons) {
        Cell[][] cells = new Cell[table.height()][table.width()];
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                cells[i][j] = reasons[i][j] == null
                        ? new Cell.Count(table.value(i, j))
                        : new Cell.Suppressed(reasons[i][j]);
            }
        }
        return new PublishedTable(table, cells);
    }
}
