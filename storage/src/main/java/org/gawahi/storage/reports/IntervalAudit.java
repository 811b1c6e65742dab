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
        // Each equation is a row of 0/1 coefficients over the atoms and its value.
        List<double[]> rows = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        if (withHistory) {
            for (int k = 0; k < earlierValues.size(); k++) {
                double[] row = new double[n];
                for (int a = 0; a < n; a++) {
                    if (atomEarlier.get(a).get(k)) {
                        row[a] = 1;
                    }
                }
                if (nonZero(row)) {
                    rows.add(row);
                    values.add(earlierValues.get(k));
                }
            }
        }
        if (reasons != null) {
            for (int i = 0; i < table.height(); i++) {
                for (int j = 0; j < table.width(); j++) {
                    double[] row = coefficients(i, j);
                    if (reasons[i][j] == null && nonZero(row)) {
                        rows.add(row);
                        values.add(table.value(i, j));
                    }
                }
            }
        }
        double[] objective = coefficients(p.row(), p.column());
        if (!nonZero(objective)) {
            return new Range(0, 0);
        }
        // Presolve: an atom in an equation that sums to 0 is 0, and an equation left with one free
        // atom fixes it; repeated, this takes most printed counts out before the simplex sees them.
        double[] fixed = new double[n];
        java.util.Arrays.fill(fixed, Double.NaN);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e < rows.size(); e++) {
                double rest = values.get(e);
                int free = -1;
                int frees = 0;
                for (int a = 0; a < n; a++) {
                    if (rows.get(e)[a] != 0) {
                        if (Double.isNaN(fixed[a])) {
                            free = a;
                            frees++;
                        } else {
                            rest -= fixed[a];
                        }
                    }
                }
                if (frees == 1) {
                    fixed[free] = rest;
                    changed = true;
                } else if (frees > 1 && Math.abs(rest) < SLACK) {
                    for (int a = 0; a < n; a++) {
                        if (rows.get(e)[a] != 0 && Double.isNaN(fixed[a])) {
                            fixed[a] = 0;
                        }
                    }
                    changed = true;
                }
            }
        }
        int[] column = new int[n];
        int m = 0;
        double constant = 0;
        for (int a = 0; a < n; a++) {
            if (Double.isNaN(fixed[a])) {
                column[a] = m++;
            } else {
                column[a] = -1;
                if (fixed[a] < -SLACK || sized && atomSizes.get(a) >= 0 && fixed[a] > atomSizes.get(a) + SLACK) {
                    throw new NoFeasibleSolutionException();
                }
                constant += objective[a] * fixed[a];
            }
        }
        if (m == 0) {
            long v = Math.round(constant);
            return new Range(v, v);
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int e = 0; e < rows.size(); e++) {
            double[] reduced = new double[m];
            double rest = values.get(e);
            for (int a = 0; a < n; a++) {
                if (rows.get(e)[a] != 0) {
                    if (column[a] >= 0) {
                        reduced[column[a]] = 1;
                    } else {
                        rest -= fixed[a];
                    }
                }
            }
            if (nonZero(reduced)) {
                constraints.add(new LinearConstraint(reduced, Relationship.EQ, rest));
            } else if (Math.abs(rest) > SLACK) {
                throw new NoFeasibleSolutionException();
            }
        }
        for (int a = 0; a < n && sized; a++) {
            if (column[a] >= 0 && atomSizes.get(a) >= 0) {
                double[] row = new double[m];
                row[column[a]] = 1;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, atomSizes.get(a)));
            }
        }
        double[] reducedObjective = new double[m];
        for (int a = 0; a < n; a++) {
            if (column[a] >= 0) {
                reducedObjective[column[a]] = objective[a];
            }
        }
        if (!nonZero(reducedObjective)) {
            long v = Math.round(constant);
            return new Range(v, v);
        }
        double low = constant + optimise(reducedObjective, constraints, GoalType.MINIMIZE);
        double high = constant + optimise(reducedObjective, constraints, GoalType.MAXIMIZE);
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
