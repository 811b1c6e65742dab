package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.storage.reports.Testimonies.ofEvent;
import static org.gawahi.storage.reports.Testimonies.testimony;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gawahi.storage.reports.ReportPeriod.Granularity;
import org.junit.jupiter.api.Test;

/**
 * The attacks, as the adversary runs them: two reports of one period around one
 * approval, a period report and then a brief of an event inside it, three overlapping periods.
 * Each publication is remembered as the disclosure history remembers it (its printed cells and
 * their units) and handed to the next.
 */
class DisclosureAcrossPublicationsTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 2);
    private static final SuppressionRules RULES = SuppressionRules.defaults();
    private final Reporting reporting = new Reporting(ReportingTest.RAID, RULES,
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private static final ReportPeriod NOVEMBER = ReportPeriod.parse("2026-11", "2026-11", Granularity.MONTH, TODAY);
    private static final String SAME = "q1=2026-11 q2=mh q5=night q10=none";

    private static List<CountedTestimony> hundredIdentical() {
        List<CountedTestimony> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(testimony("a" + String.format("%03d", i), SAME));
        }
        return all;
    }

    private Report report(List<CountedTestimony> testimonies, ReportPeriod period, DisclosureHistory.History history) {
        return reporting.report(testimonies, period, ReportingTest.HEAD, true, Map.of(), history);
    }

    /** The history after {@code report} was published: what {@link DisclosureHistory#record} keeps. */
    static DisclosureHistory.History remember(DisclosureHistory.History before, Report report) {
        Map<String, List<EarlierCell>> tables = new HashMap<>();
        before.tables().forEach((name, cells) -> tables.put(name, new ArrayList<>(cells)));
        report.tables().forEach((name, table) -> table.printed().forEach(p ->
                tables.computeIfAbsent(name, k -> new ArrayList<>()).add(new EarlierCell(p.units(), p.value()))));
        return new DisclosureHistory.History(tables, before.publications() + 1, 0);
    }

    /** Everything a report prints: each printed cell of each table and each printed share, by name. */
    private static Map<String, Object> printed(Report report) {
        Map<String, Object> out = new TreeMap<>();
        report.tables().forEach((name, table) -> table.printed().forEach(p -> out.put(name + " " + p.key(), p.value())));
        for (Figure f : report.figures()) {
            f.shares().forEach((key, share) -> out.put(f.indicator().id() + "/share " + key, share));
        }
        out.put("testimonies", report.testimonies());
        return out;
    }

    @Test
    void aSecondReportOfOnePeriodAfterOneMoreApprovalPrintsTheSameWhateverSheAnswered() {
        List<CountedTestimony> hundred = hundredIdentical();
        Report first = report(hundred, NOVEMBER, DisclosureHistory.History.EMPTY);
        assertThat(printed(first)).containsEntry("night_raids/counts " + new CellKey("mh", "2026-11"), 100L);
        DisclosureHistory.History history = remember(DisclosureHistory.History.EMPTY, first);

        // The same woman, answering one way or the opposite way on every question.
        List<CountedTestimony> withHerAsTheOthers = new ArrayList<>(hundred);
        withHerAsTheOthers.add(testimony("newcomer", SAME));
        List<CountedTestimony> withHerOtherwise = new ArrayList<>(hundred);
        withHerOtherwise.add(testimony("newcomer", "q1=2026-11 q2=mh q5=day q10=insulted,hit,male_touch"));

        Map<String, Object> one = printed(report(withHerAsTheOthers, NOVEMBER, history));
        Map<String, Object> other = printed(report(withHerOtherwise, NOVEMBER, history));

        assertThat(one).isEqualTo(other);
        // Not by printing nothing: the figures of the first report that do not involve her stand.
        assertThat(one.keySet().stream().filter(k -> k.contains("/counts")).count()).isGreaterThan(100);
    }

    @Test
    void withoutTheHistoryTheSecondReportWouldHaveGivenHerAway() {
        List<CountedTestimony> withHer = new ArrayList<>(hundredIdentical());
        withHer.add(testimony("newcomer", "q1=2026-11 q2=mh q5=day q10=insulted"));

        Report unchecked = report(withHer, NOVEMBER, DisclosureHistory.History.EMPTY);

        // What the issue saw: 100 of 101 night raids, beside the 100 of 100 of the first report.
        assertThat(unchecked.tables().get("night_raids/counts").cell("mh", "2026-11")).isEqualTo(new Cell.Count(100));
        assertThat(unchecked.tables().get("night_raids/denominators").cell("mh", "2026-11")).isEqualTo(new Cell.Count(101));
    }

    @Test
    void aBriefOfAnEventInsideAReportedPeriodPrintsNoFigureThatDiffersFromThePeriodsByAFewTestimonies() {
        List<CountedTestimony> period = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            period.add(ofEvent("e" + i, "budhwar", "q1=2026-11 q2=mh q5=night q10=" + (i % 2 == 0 ? "insulted" : "none")));
        }
        period.add(ofEvent("x1", "x1", "q1=2026-11 q2=mh q5=day q10=insulted"));
        period.add(ofEvent("x2", "x2", "q1=2026-11 q2=mh q5=day q10=none"));
        Report periodReport = report(period, NOVEMBER, DisclosureHistory.History.EMPTY);
        DisclosureHistory.History history = remember(DisclosureHistory.History.EMPTY, periodReport);

        Report brief = reporting.event(period, "budhwar", NOVEMBER, ReportingTest.HEAD, history);

        assertNoPrintedPairCloserThanTheThreshold(List.of(periodReport, brief));
        // The period printed the women's figure for November; the brief over 14 of its 16 women cannot.
        assertThat(periodReport.tables().get("verbal_abuse/denominators").cell("mh", "2026-11")).isEqualTo(new Cell.Count(16));
        assertThat(brief.tables().get("verbal_abuse/denominators").cell("mh", "2026-11")).isInstanceOf(Cell.Suppressed.class);
        // With enough women outside the event in that month, the brief prints it.
        List<CountedTestimony> more = new ArrayList<>(period);
        for (int i = 0; i < 6; i++) {
            more.add(ofEvent("y" + i, "y" + i, "q1=2026-11 q2=mh q5=day q10=none"));
        }
        Report widerPeriod = report(more, NOVEMBER, DisclosureHistory.History.EMPTY);
        Report fine = reporting.event(more, "budhwar", NOVEMBER, ReportingTest.HEAD,
                remember(DisclosureHistory.History.EMPTY, widerPeriod));
        assertThat(fine.tables().get("verbal_abuse/denominators").cell("mh", "2026-11")).isEqualTo(new Cell.Count(14));
    }

    @Test
    void threeOverlappingPeriodsNeverPrintTwoFiguresAFewTestimoniesApart() {
        LocalDate arrived = LocalDate.of(2026, 6, 1);
        List<CountedTestimony> all = new ArrayList<>();
        String[] months = {"2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"};
        int[] perMonth = {9, 2, 8, 12, 3, 11, 7, 2};
        for (int m = 0; m < months.length; m++) {
            for (int i = 0; i < perMonth[m]; i++) {
                all.add(new CountedTestimony(months[m] + "-" + i, months[m] + "-" + i,
                        Testimonies.content("q1=" + months[m] + " q2=mh q5=" + (i % 3 == 0 ? "day" : "night")), arrived));
            }
        }
        List<ReportPeriod> periods = List.of(
                ReportPeriod.parse("2026-Q3", "2026-Q4", Granularity.QUARTER, TODAY),
                ReportPeriod.parse("2026-Q4", "2027-Q1", Granularity.QUARTER, TODAY),
                ReportPeriod.parse("2026-09", "2026-11", Granularity.MONTH, TODAY));
        DisclosureHistory.History history = DisclosureHistory.History.EMPTY;
        List<Report> published = new ArrayList<>();
        for (ReportPeriod p : periods) {
            Report r = report(all, p, history);
            published.add(r);
            history = remember(history, r);
        }

        assertThat(assertNoPrintedPairCloserThanTheThreshold(published)).isPositive();
        assertThat(printed(published.get(2)).keySet()).anyMatch(k -> k.startsWith("night_raids/counts"));
    }

    /**
     * No printed cell of a later publication whose units differ from those of a printed cell of
     * an earlier one, of the same table name, by 1 to threshold - 1, unless the later publication
     * prints that earlier cell again (then the two are figures of one table, which the interval
     * audit answers for).
     */
    private static int assertNoPrintedPairCloserThanTheThreshold(List<Report> publications) {
        int pairs = 0;
        for (int later = 1; later < publications.size(); later++) {
            Report now = publications.get(later);
            for (Figure f : now.figures()) {
                int threshold = RULES.threshold(f.indicator().sensitive());
                for (String name : List.of(Report.counts(f.indicator().id()), Report.denominators(f.indicator().id()))) {
                    if (!now.tables().containsKey(name)) {
                        continue;
                    }
                    List<PublishedTable.Printed> printedNow = now.tables().get(name).printed();
                    Set<Set<String>> again = new HashSet<>();
                    printedNow.forEach(p -> again.add(p.units()));
                    for (int before = 0; before < later; before++) {
                        for (PublishedTable.Printed old : publications.get(before).tables().get(name).printed()) {
                            if (again.contains(old.units())) {
                                continue;
                            }
                            for (PublishedTable.Printed cell : printedNow) {
                                if (cell.units().stream().noneMatch(old.units()::contains)) {
                                    continue;
                                }
                                Set<String> apart = new HashSet<>(cell.units());
                                apart.addAll(old.units());
                                Set<String> both = new HashSet<>(cell.units());
                                both.retainAll(old.units());
                                apart.removeAll(both);
                                pairs++;
                                assertThat(apart.size() == 0 || apart.size() >= threshold)
                                        .as("%s: %s now and %s in publication %d are %d apart", name, cell.key(),
                                                old.key(), before, apart.size())
                                        .isTrue();
                            }
                        }
                    }
                }
            }
        }
        return pairs;
    }
}
