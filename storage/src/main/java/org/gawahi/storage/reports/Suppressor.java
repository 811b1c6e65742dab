package org.gawahi.storage.reports;

import java.util.Objects;
import java.util.Set;

/**
 * Disclosure control for one table: decides which counts and totals may be printed.
 *
 * <p>Guarantees, for the table and its totals taken together:
 * <ul>
 *   <li>every printed count is zero or at least its threshold (see {@link SuppressionRules});</li>
 *   <li>no row or column, the totals row and totals column included, has exactly one
 *       suppressed entry, so no suppressed entry is one subtraction away from printed ones;</li>
 *   <li>no suppressed entry can be worked out exactly by any number of additions and
 *       subtractions of printed counts and totals (ranges are another matter: a suppressed
 *       primary cell is known to lie between 1 and its threshold minus one);</li>
 *   <li>every entry named in the previous pattern is suppressed again.</li>
 * </ul>
 * The result depends only on the table, the rules and the previous pattern.
 */
public final class Suppressor {
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
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(previouslySuppressed, "previouslySuppressed");
        Cell.Reason[][] reasons = new Cell.Reason[table.height()][table.width()];
        for (int i = 0; i < table.height(); i++) {
            for (int j = 0; j < table.width(); j++) {
                if (isPrimary(table.value(i, j), table.sensitive(i, j))) {
                    reasons[i][j] = Cell.Reason.PRIMARY;
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
        new Complements(table, reasons).protect();
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
