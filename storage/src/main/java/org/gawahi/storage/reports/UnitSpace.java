package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units (testimonies, raid events) of one table and of the earlier published cells linked
 * to it, numbered, so that every cell is a bit set and "how many people lie between these two
 * figures" is the cardinality of an exclusive or.
 *
 * <p>An earlier cell is linked when it shares a unit with the table, or with a linked earlier
 * cell: {@code Q3+Q4} and {@code Q3} published before together give {@code Q4} away, though
 * only the first shares a unit with a new {@code Q4} table.
 */
final class UnitSpace {
    private final Map<String, Integer> index = new HashMap<>();
    private final BitSet[][] cells;
    private final List<BitSet> earlier = new ArrayList<>();
    private final List<Long> earlierValues = new ArrayList<>();

    UnitSpace(FrequencyTable table, List<EarlierCell> history) {
        cells = new BitSet[table.height()][table.width()];
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                cells[i][j] = bits(table.units(i, j), true);
            }
        }
        BitSet reached = (BitSet) cells[table.height() - 1][table.width() - 1].clone();
        boolean[] linked = new boolean[history.size()];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int k = 0; k < history.size(); k++) {
                if (!linked[k] && touches(history.get(k).units(), reached)) {
                    linked[k] = true;
                    BitSet b = bits(history.get(k).units(), true);
                    reached.or(b);
                    grew = true;
                }
            }
        }
        for (int k = 0; k < history.size(); k++) {
            if (linked[k]) {
                earlier.add(bits(history.get(k).units(), false));
                earlierValues.add(history.get(k).value());
            }
        }
    }

    private boolean touches(Set<String> units, BitSet reached) {
        for (String u : units) {
            Integer i = index.get(u);
            if (i != null && reached.get(i)) {
                return true;
            }
        }
        return false;
    }

    private BitSet bits(Set<String> units, boolean add) {
        BitSet b = new BitSet();
        for (String u : units) {
            Integer i = add ? index.computeIfAbsent(u, k -> index.size()) : index.get(u);
            if (i != null) {
                b.set(i);
            }
        }
        return b;
    }

    int size() {
        return index.size();
    }

    BitSet cell(int row, int column) {
        return cells[row][column];
    }

    List<BitSet> earlier() {
        return earlier;
    }

    long earlierValue(int k) {
        return earlierValues.get(k);
    }

    /** How many units lie in one set and not the other; 0 or more than 0 is what matters. */
    static int between(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.xor(b);
        return x.cardinality();
    }
}
