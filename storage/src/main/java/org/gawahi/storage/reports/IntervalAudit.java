package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The interval audit: for a withheld entry, the least and the most it can be given everything
 * published (this table's printed counts and totals, and the earlier published cells linked to
 * it), found by linear programming over atoms: groups of units that every figure either wholly
 * counts or wholly leaves out (a table built without units has one atom per count).
 *
 * <p>The adversary knows how many units each atom holds (who testified, who withdrew: the
 * issue's adversary knows she testified), so an atom of {@code s} units holds 0 to {@code s}
 * counted ones, except in a table that counts its units themselves (every count equal to its
 * units, as the raids reported): there how many units a cell holds is the very thing hidden,
 * and an atom is only known to hold at least 0.
 *
 * <p>An entry is protected when its interval is at least its threshold wide, or, when that is
 * narrower, as wide as the earlier publications alone leave it: after one more approval, her
 * own cell can only ever be one of two values, and the table must leave it both. The linear
 * relaxation's interval contains the integer one; the brute-force proof test checks small
 * tables against the integer answer.
 */
final class IntervalAudit {
    private static final double SLACK = 1e-6;
    private static final int MAX_PIVOTS = 100_000;

    /** The values an entry can take; {@code high} is {@link Long#MAX_VALUE} when unbounded. */
    record Range(long low, long high) {
        long width() {
            return high == Long.MAX_VALUE ? Long.MAX_VALUE : high - low;
        }
    }

    private final FrequencyTable table;
    private final SuppressionRules rules;
    /** Per atom: its interior row and column (-1 outside the table), its size (-1 unbounded), the earlier cells holding it. */
    private final List<int[]> atomCells = new ArrayList<>();
    private final List<Long> atomSizes = new ArrayList<>();
    private final List<BitSet> atomEarlier = new ArrayList<>();
    private final List<Long> earlierValues = new ArrayList<>();
    private final Map<Position, Long> historyWidths = new HashMap<>();
    private boolean historyConsistent = true;
    /** Whether the adversary is taken to know each atom's size (see the class comment). */
    private final boolean sized;

    IntervalAudit(FrequencyTable table, Optional<UnitSpace> space, SuppressionRules rules) {
        this.table = table;
        this.rules = rules;
        int r = table.height() - 1;
        int c = table.width() - 1;
        this.sized = space.isPresent() && !countsItsUnits(table);
        if (space.isEmpty()) {
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    atomCells.add(new int[] {i, j});
                    atomSizes.add(-1L);
                    atomEarlier.add(new BitSet());
                }
            }
            return;
        }
        UnitSpace units = space.get();
        int[][] place = new int[units.size()][];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                BitSet b = units.cell(i, j);
                for (int u = b.nextSetBit(0); u >= 0; u = b.nextSetBit(u + 1)) {
                    place[u] = new int[] {i, j};
                }
            }
        }
        List<BitSet> earlier = units.earlier();
        for (int k = 0; k < earlier.size(); k++) {
            earlierValues.add(units.earlierValue(k));
        }
        Map<String, Integer> atoms = new HashMap<>();
        for (int u = 0; u < units.size(); u++) {
            int[] cell = place[u] == null ? new int[] {-1, -1} : place[u];
            BitSet in = new BitSet();
            for (int k = 0; k < earlier.size(); k++) {
                if (earlier.get(k).get(u)) {
                    in.set(k);
                }
            }
            String signature = cell[0] + ":" + cell[1] + ":" + in;
            Integer a = atoms.get(signature);
            if (a == null) {
                atoms.put(signature, atomCells.size());
                atomCells.add(cell);
                atomSizes.add(1L);
                atomEarlier.add(in);
            } else {
                atomSizes.set(a, atomSizes.get(a) + 1);
            }
        }
    }

    private static boolean countsItsUnits(FrequencyTable table) {
        for (int i = 0; i < table.height() - 1; i++) {
            for (int j = 0; j < table.width() - 1; j++) {
                if (table.value(i, j) != table.units(i, j).size()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first withheld entry this table narrows below what it may, if any. */
    Optional<Position> firstFailing(Cell.Reason[][] reasons) {
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                if (reasons[i][j] != null && !protectedEnough(new Position(i, j), reasons)) {
                    return Optional.of(new Position(i, j));
                }
            }
        }
        return Optional.empty();
    }

    /** False when the linked earlier cells contradict today's counts (testimonies relinked to other raids). */
    boolean historyConsistent() {
        return historyConsistent;
    }

    private boolean protectedEnough(Position p, Cell.Reason[][] reasons) {
        long needed = Math.min(rules.threshold(table.sensitive(p.row(), p.column())),
                historyWidths.computeIfAbsent(p, q -> range(q, null, true).width()));
        return range(p, reasons, sized).width() >= needed;
    }

    /** How wide the interval of entry {@code p} is to the adversary, given what {@code reasons} leaves printed. */
    long width(Position p, Cell.Reason[][] reasons) {
        return range(p, reasons, sized).width();
    }

    /**
     * The interval of entry {@code p} given the earlier cells and, unless {@code reasons} is
     * null, this table's entries that {@code reasons} leaves printed; {@code sized}: each atom
     * holds at most its units.
     */
    Range range(Position p, Cell.Reason[][] reasons, boolean sized) {
        if (historyConsistent) {
            try {
                return solve(p, reasons, true, sized);
            } catch (NoFeasibleSolutionException e) {
                historyConsistent = false;
                historyWidths.clear();
            }
        }
        return solve(p, reasons, false, sized);
    }

    private Range solve(Position p, Cell.Reason[][] reasons, boolean withHistory, boolean sized) {
        int n = atomCells.size();
        if (n == 0) {
            return new Range(0, 0);
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int a = 0; a < n && sized; a++) {
            if (atomSizes.get(a) >= 0) {
                double[] row = new double[n];
                row[a] = 1;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, atomSizes.get(a)));
            }
        }
        if (withHistory) {
            for (int k = 0; k < earlierValues.size(); k++) {
                double[] row = new double[n];
                boolean any = false;
                for (int a = 0; a < n; a++) {
                    if (atomEarlier.get(a).get(k)) {
                        row[a] = 1;
                        any = true;
                    }
                }
                if (any) {
                    constraints.add(new LinearConstraint(row, Relationship.EQ, earlierValues.get(k)));
                }
            }
        }
        if (reasons != null) {
            for (int i = 0; i < table.height(); i++) {
                for (int j = 0; j < table.width(); j++) {
                    double[] row = coefficients(i, j);
                    if (reasons[i][j] == null && nonZero(row)) {
                        constraints.add(new LinearConstraint(row, Relationship.EQ, table.value(i, j)));
                    }
                }
            }
        }
        double[] objective = coefficients(p.row(), p.column());
        if (!nonZero(objective)) {
            return new Range(0, 0);
        }
        double low = optimise(objective, constraints, GoalType.MINIMIZE);
        double high = optimise(objective, constraints, GoalType.MAXIMIZE);
        long lo = (long) Math.ceil(low - SLACK);
        long hi = Double.isInfinite(high) ? Long.MAX_VALUE : (long) Math.floor(high + SLACK);
        return new Range(lo, Math.max(lo, hi));
    }

    private double[] coefficients(int row, int column) {
        int lastRow = table.height() - 1;
        int lastColumn = table.width() - 1;
        double[] c = new double[atomCells.size()];
        for (int a = 0; a < c.length; a++) {
            int[] cell = atomCells.get(a);
            if (cell[0] >= 0 && (row == lastRow || cell[0] == row) && (column == lastColumn || cell[1] == column)) {
                c[a] = 1;
            }
        }
        return c;
    }

    private static boolean nonZero(double[] row) {
        for (double v : row) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    private static double optimise(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            return new SimplexSolver().optimize(new MaxIter(MAX_PIVOTS), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true),
                    PivotSelectionRule.BLAND).getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
        }
    }
}
