package org.gawahi.bot.reports;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gawahi.storage.reports.CellKey;
import org.gawahi.storage.reports.ReportPeriod;

/**
 * What a collective member asked for.
 *
 * @param includePending count testimonies no moderator has approved yet: only for
 *                       rehearsals on test data (the CLI's --include-pending), never for
 *                       a report that leaves the collective
 * @param previous       the suppression pattern of an earlier report of the same period
 */
public record ReportRequest(ReportPeriod period, boolean includePending, Map<String, Set<CellKey>> previous) {
    public ReportRequest {
        Objects.requireNonNull(period, "period");
        previous = Map.copyOf(previous);
    }

    public static ReportRequest of(ReportPeriod period) {
        return new ReportRequest(period, false, Map.of());
    }
}
