package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An attacker's view, independent of the suppression code: which suppressed entries are
 * fixed by the published counts and totals through any number of additions and
 * subtractions. Each row and column (totals row and column included) is one equation, "the
 * counts add up to the total"; the unknowns are the suppressed entries. An unknown is
 * determined exactly when its unit vector lies in the span of the equations, that is when
 * adding it as one more equation leaves the rank unchanged.
 *
 * <p>Rank is taken modulo a large prime. That is exact here: with the totals row and
 * column negated these equations form a network matrix, which is totally unimodular, and
 * stays so with a unit row added; all its minors are 0 or ±1, so its rank is the same over
 * every field.
 */
final class Recovery {
    private static final long P = 1_000_000_007L;

    private Recovery() {
    }

    static Set<CellKey> solvable(PublishedTable published) {
        List<String> rows = withTotal(published.rows());
        List<String> columns = withTotal(published.columns());
        List<int[]> unknowns = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                if (published.cell(rows.get(i), columns.get(j)) instanceof Cell.Suppressed) {
                    unknowns.add(new int[] {i, j});
                }
            }
        }
        List<long[]> equations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long[] equation = new long[unknowns.size()];
            for (int k = 0; k < unknowns.size(); k++) {
                if (unknowns.get(k)[0] == i) {
                    equation[k] = unknowns.get(k)[1] == columns.size() - 1 ? -1 : 1;
                }
            }
            equations.add(equation);
        }
        for (int j = 0; j < columns.size(); j++) {
            long[] equation = new long[unknowns.size()];
            for (int k = 0; k < unknowns.size(); k++) {
                if (unknowns.get(k)[1] == j) {
                    equation[k] = unknowns.get(k)[0] == rows.size() - 1 ? -1 : 1;
                }
            }
            equations.add(equation);
        }
        int rank = rank(equations);
        Set<CellKey> solvable = new LinkedHashSet<>();
        for (int k = 0; k < unknowns.size(); k++) {
            List<long[]> withUnit = new ArrayList<>(equations);
            long[] unit = new long[unknowns.size()];
            unit[k] = 1;
            withUnit.add(unit);
            if (rank(withUnit) == rank) {
                int[] at = unknowns.get(k);
                solvable.add(new CellKey(rows.get(at[0]), columns.get(at[1])));
            }
        }
        return solvable;
    }

    private static int rank(List<long[]> equations) {
        long[][] m = new long[equations.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = new long[equations.get(r).length];
            for (int c = 0; c < m[r].length; c++) {
                m[r][c] = Math.floorMod(equations.get(r)[c], P);
            }
        }
        int rank = 0;
        int width = m.length == 0 ? 0 : m[0].length;
        for (int c = 0; c < width && rank < m.length; c++) {
            int pivot = rank;
            while (pivot < m.length && m[pivot][c] == 0) {
                pivot++;
            }
            if (pivot == m.length) {
                continue;
            }
            long[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            long inverse = power(m[rank][c], P - 2);
            for (int r = 0; r < m.length; r++) {
                if (r != rank && m[r][c] != 0) {
                    long factor = m[r][c] * inverse % P;
                    for (int x = c; x < width; x++) {
                        m[r][x] = Math.floorMod(m[r][x] - factor * m[rank][x] % P, P);
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    private static long power(long base, long exponent) {
        long result = 1;
        base %= P;
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
            exponent >>= 1;
        }
        return result;
    }

    private static List<String> withTotal(List<String> labels) {
        List<String> all = new ArrayList<>(labels);
        all.add(CellKey.TOTAL);
        return all;
    }
}
