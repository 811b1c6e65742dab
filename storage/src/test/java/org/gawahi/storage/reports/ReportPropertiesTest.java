package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gawahi.storage.audit.AuditHead;
import org.junit.jupiter.api.Test;

/**
 * Seeded random data sets through the whole counting and suppression: whatever the data,
 * no printed count is under its threshold, no line of a table has exactly one withheld
 * entry, and no share is printed on fewer than 20 reports or over a small count.
 */
class ReportPropertiesTest {
    private static final String[] STATES = {"mh", "ka", "wb", "dl", "pns", "other"};
    private static final String[] ANSWERS = {"q5=night", "q5=day", "q10=hit", "q10=sexual", "q10=pns", "c5=saw",
            "q11=station q13=lawyer", "q11=shelter q15a=m3_12", "q21=yes q23=taken_away", "q18=under18", "q19=own_choice"};

    @Test
    void noPrintedFigureCanPointToFewerThanItsThreshold() {
        SuppressionRules rules = SuppressionRules.defaults();
        Reporting reporting = new Reporting(ReportingTest.RAID, rules,
                Clock.fixed(ReportingTest.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        ReportPeriod period = ReportPeriod.parse("2025-Q1", "2025-Q4", ReportPeriod.Granularity.QUARTER, ReportingTest.TODAY);
        for (int seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed);
            List<CountedTestimony> testimonies = new ArrayList<>();
            int n = random.nextInt(400);
            for (int i = 0; i < n; i++) {
                StringBuilder a = new StringBuilder("q2=" + STATES[random.nextInt(STATES.length)]);
                a.append(random.nextInt(10) == 0 ? " q1=2025" : " q1=2025-" + String.format("%02d", 1 + random.nextInt(12)));
                for (String answer : ANSWERS) {
                    if (random.nextInt(3) == 0) {
                        a.append(' ').append(answer);
                    }
                }
                String id = String.format("t%05d", i);
                testimonies.add(new CountedTestimony(id, "e" + random.nextInt(Math.max(1, n * 3 / 4)),
                        Testimonies.content(a.toString()), LocalDate.of(2025, 6, 1)));
            }
            Report report = reporting.report(testimonies, period, new AuditHead(0, "0".repeat(64)), false, Map.of());
            for (Figure f : report.figures()) {
                int threshold = rules.threshold(f.indicator().sensitive());
                String where = "seed " + seed + ", " + f.indicator().id();
                checkTable(f.counts(), threshold, where);
                f.denominators().ifPresent(d -> checkTable(d, threshold, where + " denominators"));
                f.shares().forEach((key, share) -> {
                    if (share instanceof Percentage.Shown s) {
                        assertThat(s.denominator()).as(where).isGreaterThanOrEqualTo(rules.minimumDenominator());
                        assertThat(s.numerator() == 0 || s.numerator() >= threshold).as(where).isTrue();
                    }
                });
            }
        }
    }

    private static void checkTable(PublishedTable table, int threshold, String where) {
        List<String> rows = new ArrayList<>(table.rows());
        rows.add(CellKey.TOTAL);
        List<String> columns = new ArrayList<>(table.columns());
        columns.add(CellKey.TOTAL);
        for (String row : rows) {
            int withheld = 0;
            for (String column : columns) {
                Cell cell = table.cell(row, column);
                if (cell instanceof Cell.Count c) {
                    assertThat(c.value() == 0 || c.value() >= threshold).as("%s (%s, %s) = %d", where, row, column, c.value())
                            .isTrue();
                } else {
                    withheld++;
                }
            }
            assertThat(withheld).as("%s row %s", where, row).isNotEqualTo(1);
        }
        for (String column : columns) {
            long withheld = rows.stream().filter(r -> table.cell(r, column) instanceof Cell.Suppressed).count();
            assertThat(withheld).as("%s column %s", where, column).isNotEqualTo(1);
        }
    }
}
