package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random tables for the property tests: 1-6 rows by 1-6 columns, counts 0-40 (half of them
 * drawn from 0-6 so small cells are common), about a quarter sensitive. Seeded, so a
 * failure names the seed that reproduces it.
 */
final class RandomTables {
    private RandomTables() {
    }

    static FrequencyTable table(Random random) {
        int height = 1 + random.nextInt(6);
        int width = 1 + random.nextInt(6);
        long[][] counts = new long[height][width];
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                long count = random.nextBoolean() ? random.nextInt(7) : random.nextInt(41);
                counts[i][j] = random.nextInt(4) == 0 ? -count : count;
            }
        }
        return Tables.table(counts);
    }

    /** About one in six cells and totals of the table, as if suppressed in an earlier report. */
    static Set<CellKey> pattern(Random random, FrequencyTable table) {
        Set<CellKey> pattern = new LinkedHashSet<>();
        for (CellKey key : keys(table)) {
            if (random.nextInt(6) == 0) {
                pattern.add(key);
            }
        }
        return pattern;
    }

    /** Every count and total of the table. */
    static List<CellKey> keys(FrequencyTable table) {
        List<CellKey> keys = new ArrayList<>();
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                keys.add(table.key(i, j));
            }
        }
        return keys;
    }

    static String describe(long seed, FrequencyTable table) {
        StringBuilder text = new StringBuilder("seed " + seed + ", table (* = sensitive):\n");
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                text.append(String.format("%4d%s", table.value(i, j), table.sensitive(i, j) ? "*" : " "));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
