package org.gawahi.storage.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gawahi.storage.reports.ReportPeriod.Granularity;

/**
 * Not a test: how long disclosure control takes on a real-sized report, with and without the
 * history (the interval audit's linear programs included). A year by month over the raid
 * questionnaire's states, every indicator (two tables for each share), for N generated
 * testimonies; then the same year again after one more approval, checked against the first
 * report and {@code earlier} more of its months. Run from the repository root:
 * <pre>
 * ./mvnw -o -q -pl storage -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat storage/target/cp.txt):storage/target/classes:storage/target/test-classes:config/target/classes" \
 *     org.gawahi.storage.reports.DisclosureBenchmark [testimonies, default 2000] [earlier, default 6]
 * </pre>
 */
public final class DisclosureBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 1);

    private DisclosureBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int earlier = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Reporting reporting = new Reporting(ReportingTest.RAID, SuppressionRules.defaults(),
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        Random random = new Random(7);
        String[] states = {"mh", "ka", "wb", "dl", "tg", "ap"};
        String[] acts = {"none", "hit", "insulted", "male_touch", "hit,insulted"};
        List<CountedTestimony> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String month = String.format("2026-%02d", 1 + random.nextInt(12));
            all.add(Testimonies.testimony("t" + i, "q1=" + month + " q2=" + states[random.nextInt(states.length)]
                    + " q5=" + (random.nextInt(3) == 0 ? "day" : "night") + " q10=" + acts[random.nextInt(acts.length)]
                    + (random.nextInt(5) == 0 ? " c5=saw" : "")));
        }
        ReportPeriod year = ReportPeriod.parse("2026-01", "2026-12", Granularity.MONTH, TODAY);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            long t0 = System.nanoTime();
            Report first = reporting.report(all, year, ReportingTest.HEAD, true, Map.of(), DisclosureHistory.History.EMPTY);
            long t1 = System.nanoTime();
            DisclosureHistory.History history = DisclosureAcrossPublicationsTest.remember(DisclosureHistory.History.EMPTY, first);
            for (int m = 1; m <= earlier; m++) {
                ReportPeriod month = ReportPeriod.parse(String.format("2026-%02d", m), String.format("2026-%02d", m),
                        Granularity.MONTH, TODAY);
                history = DisclosureAcrossPublicationsTest.remember(history,
                        reporting.report(all, month, ReportingTest.HEAD, true, Map.of(), history));
            }
            List<CountedTestimony> more = new ArrayList<>(all);
            more.add(Testimonies.testimony("newcomer", "q1=2026-05 q2=mh q5=day q10=hit"));
            long t2 = System.nanoTime();
            Report second = reporting.report(more, year, ReportingTest.HEAD, true, Map.of(), history);
            long t3 = System.nanoTime();
            long tables = second.tables().size();
            System.out.printf("round %d: %d testimonies, %d tables of %d entries; first report %d ms; "
                            + "again after one approval, against %d earlier publications: %d ms%n", round, n, tables,
                    (states.length + 6) * 14, (t1 - t0) / 1_000_000, history.publications(), (t3 - t2) / 1_000_000);
        }
    }
}
