package org.gawahi.storage.reports;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made tables: rows A, B, C…, columns Q1, Q2…; a negative number is a sensitive count. */
final class Tables {
    private Tables() {
    }

    static FrequencyTable table(long[][] counts) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add(String.valueOf((char) ('A' + i)));
        }
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < counts[0].length; j++) {
            columns.add("Q" + (j + 1));
        }
        FrequencyTable.Builder builder = FrequencyTable.builder(rows, columns);
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                long count = counts[i][j];
                if (count < 0) {
                    builder.sensitiveCount(rows.get(i), columns.get(j), -count);
                } else {
                    builder.count(rows.get(i), columns.get(j), count);
                }
            }
        }
        return builder.build();
    }

    static CellKey key(String row, String column) {
        return new CellKey(row, column);
    }
}
