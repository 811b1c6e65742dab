package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.storage.reports.Testimonies.arrived;
import static org.gawahi.storage.reports.Testimonies.ofEvent;
import static org.gawahi.storage.reports.Testimonies.testimony;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.gawahi.storage.audit.AuditHead;
import org.gawahi.storage.reports.ReportPeriod.Granularity;
import org.junit.jupiter.api.Test;

class ReportingTest {
    static final Questionnaire RAID = QuestionnaireLoader.loadDefault();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final AuditHead HEAD = new AuditHead(7, "ab".repeat(32));
    private static final ReportPeriod H1 = ReportPeriod.parse("2026-Q1", "2026-Q2", Granularity.QUARTER, TODAY);

    private final Reporting reporting = new Reporting(RAID, SuppressionRules.defaults(),
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private Report report(List<CountedTestimony> testimonies, ReportPeriod period) {
        return reporting.report(testimonies, period, HEAD, true, Map.of());
    }

    private static Figure figure(Report report, String id) {
        return report.figures().stream().filter(f -> f.indicator().id().equals(id)).findFirst().orElseThrow();
    }

    private static List<CountedTestimony> many(String prefix, int n, String written) {
        List<CountedTestimony> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(testimony(prefix + String.format("%03d", i), written));
        }
        return out;
    }

    private static Cell count(long n) {
        return new Cell.Count(n);
    }

    @Test
    void countsPersonLevelSharesOnFirstHandTestimoniesOnly() {
        List<CountedTestimony> all = new ArrayList<>();
        all.addAll(many("a", 10, "q1=2026-02 q2=mh q10=hit"));
        all.addAll(many("b", 10, "q1=2026-02 q2=mh q10=none"));
        all.addAll(many("c", 10, "q1=2026-02 q2=mh q10=hit c5=saw"));

        Report report = report(all, H1);

        Figure violence = figure(report, "physical_violence");
        assertThat(violence.counts().cell("mh", "2026-Q1")).isEqualTo(count(10));
        assertThat(violence.denominators().orElseThrow().cell("mh", "2026-Q1")).isEqualTo(count(20));
        assertThat(violence.share(new CellKey("mh", "2026-Q1"))).hasValue(new Percentage.Shown(10, 20));
        assertThat(figure(report, "raids_reported").counts().cell("mh", "2026-Q1")).isEqualTo(count(30));
    }

    @Test
    void countsARaidOnceHoweverManyTestimoniesTellOfIt() {
        List<CountedTestimony> all = new ArrayList<>();
        for (int e = 0; e < 6; e++) {
            all.add(ofEvent("t" + e + "a", "event" + e, "q1=2026-02 q2=ka q5=night"));
            all.add(ofEvent("t" + e + "b", "event" + e, "q1=2026-02 q2=ka q5=day c5=told"));
        }

        Report report = report(all, H1);

        assertThat(figure(report, "raids_reported").counts().cell("ka", "2026-Q1")).isEqualTo(count(6));
        assertThat(figure(report, "night_raids").counts().cell("ka", "2026-Q1")).isEqualTo(count(6));
        assertThat(figure(report, "night_raids").denominators().orElseThrow().cell("ka", "2026-Q1")).isEqualTo(count(6));
        assertThat(report.events()).isEqualTo(count(6));
        assertThat(report.testimonies()).isEqualTo(count(12));
    }

    @Test
    void placesRaidsByQuarterAndUndatedOnesInTheUnknownColumnOnly() {
        List<CountedTestimony> all = new ArrayList<>();
        all.addAll(many("q1-", 5, "q1=2026-02 q2=mh"));
        all.addAll(many("q2-", 5, "q1=2026-05 q2=mh"));
        all.addAll(many("year-", 5, "q1=2026 q2=mh"));
        all.addAll(many("oldyear-", 5, "q1=2024 q2=mh"));
        for (int i = 0; i < 5; i++) {
            all.add(arrived("undated-in" + i, LocalDate.of(2026, 3, 10), "q1=_dont_know q2=mh"));
            all.add(arrived("undated-out" + i, LocalDate.of(2025, 12, 1), "q2=mh"));
        }
        all.addAll(many("before-", 5, "q1=2025-12 q2=mh"));

        Figure raids = figure(report(all, H1), "raids_reported");

        assertThat(raids.counts().cell("mh", "2026-Q1")).isEqualTo(count(5));
        assertThat(raids.counts().cell("mh", "2026-Q2")).isEqualTo(count(5));
        assertThat(raids.counts().cell("mh", ReportPeriod.UNKNOWN)).isEqualTo(count(10));
        assertThat(raids.counts().rowTotal("mh")).isEqualTo(count(20));
    }

    @Test
    void suppressesSmallCountsAndTheirComplementsBeforeAnythingLeaves() {
        List<CountedTestimony> all = new ArrayList<>();
        all.addAll(many("mh", 3, "q1=2026-02 q2=mh"));
        all.addAll(many("ka", 12, "q1=2026-02 q2=ka"));
        all.addAll(many("kb", 9, "q1=2026-05 q2=ka"));

        PublishedTable raids = figure(report(all, H1), "raids_reported").counts();

        assertThat(raids.cell("mh", "2026-Q1")).isEqualTo(new Cell.Suppressed(Cell.Reason.PRIMARY));
        assertThat(raids.suppressedKeys()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(raids.cell("ka", "2026-Q1")).isInstanceOf(Cell.Suppressed.class);
    }

    @Test
    void usesTheStricterThresholdForSensitiveIndicators() {
        List<CountedTestimony> all = new ArrayList<>();
        all.addAll(many("s", 7, "q1=2026-02 q2=wb q10=sexual"));
        all.addAll(many("h", 7, "q1=2026-02 q2=wb q10=hit"));

        Report report = report(all, H1);

        assertThat(figure(report, "sexual_violence").counts().cell("wb", "2026-Q1")).isInstanceOf(Cell.Suppressed.class);
        assertThat(figure(report, "physical_violence").counts().cell("wb", "2026-Q1")).isEqualTo(count(7));
    }

    @Test
    void breaksOutADistrictOnlyWhereItHadThreeRaidsAndTenTestimoniesAndTheLagHasPassed() {
        List<CountedTestimony> all = new ArrayList<>();
        all.addAll(many("pune", 10, "q1=2026-02 q2=mh q3=pune q10=sexual"));
        all.addAll(many("mumbai", 4, "q1=2026-02 q2=mh q3=mumbai"));
        all.addAll(many("nopl", 12, "q1=2026-02 q2=mh q3=pns"));

        Report report = report(all, H1);

        assertThat(figure(report, "raids_reported").counts().rows()).contains("mh/pune", "mh/rest").doesNotContain("mh", "mh/mumbai", "mh/pns");
        assertThat(figure(report, "raids_reported").counts().cell("mh/pune", "2026-Q1")).isEqualTo(count(10));
        assertThat(figure(report, "raids_reported").counts().cell("mh/rest", "2026-Q1")).isEqualTo(count(16));
        assertThat(figure(report, "sexual_violence").counts().rows()).contains("mh").noneMatch(r -> r.contains("/"));
        assertThat(figure(report, "night_raids").counts().rows()).noneMatch(r -> r.contains("/"));
        assertThat(report.districts()).isTrue();

        ReportPeriod recent = ReportPeriod.parse("2026-Q3", "2026-Q3", Granularity.QUARTER, TODAY);
        List<CountedTestimony> recentOnes = many("p", 12, "q1=2026-08 q2=mh q3=pune");
        assertThat(figure(report(recentOnes, recent), "raids_reported").counts().rows()).contains("mh").doesNotContain("mh/pune");
    }

    @Test
    void aDistrictToldOfByFewerThanThreeRaidsStaysInItsState() {
        List<CountedTestimony> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(ofEvent("t" + i, "event" + (i % 2), "q1=2026-02 q2=mh q3=pune"));
        }

        assertThat(figure(report(all, H1), "raids_reported").counts().rows()).contains("mh").doesNotContain("mh/pune");
    }

    @Test
    void countsChildrenPerMotherAmongFirstHandTestimonies() {
        List<CountedTestimony> all = new ArrayList<>();
        all.addAll(many("x", 10, "q1=2026-02 q2=tg q21=yes q22=three_plus q23=taken_away"));
        all.addAll(many("y", 10, "q1=2026-02 q2=tg q21=yes q22=one q23=cwc"));
        all.addAll(many("z", 10, "q1=2026-02 q2=tg q21=yes q23=taken_away c5=saw"));

        Figure removed = figure(report(all, H1), "children_removed");

        assertThat(removed.counts().cell("tg", "2026-Q1")).isEqualTo(count(10));
        assertThat(removed.denominators().orElseThrow().cell("tg", "2026-Q1")).isEqualTo(count(20));
    }

    @Test
    void saysWhenNothingCanBePublished() {
        Report report = report(many("few", 2, "q1=2026-02 q2=mh q5=night"), H1);

        assertThat(report.nothingToPublish()).isTrue();
        assertThat(report(List.of(), H1).nothingToPublish()).isTrue();
        assertThat(report(many("many", 30, "q1=2026-02 q2=mh q5=night"), H1).nothingToPublish()).isFalse();
    }

    @Test
    void keepsWhatAnEarlierReportOfThePeriodSuppressed() {
        List<CountedTestimony> all = new ArrayList<>();
        all.addAll(many("ka", 12, "q1=2026-02 q2=ka"));
        all.addAll(many("kb", 15, "q1=2026-05 q2=ka"));
        all.addAll(many("mh", 20, "q1=2026-02 q2=mh"));
        Report first = report(all, H1);
        assertThat(first.suppressionPattern().get("raids_reported/counts")).isEmpty();

        Map<String, Set<CellKey>> earlier = Map.of("raids_reported/counts", Set.of(new CellKey("ka", "2026-Q1")));
        Report again = reporting.report(all, H1, HEAD, true, earlier);

        assertThat(figure(again, "raids_reported").counts().cell("ka", "2026-Q1"))
                .isEqualTo(new Cell.Suppressed(Cell.Reason.PREVIOUS_REPORT));
        assertThat(figure(again, "raids_reported").counts().cell("ka", "2026-Q2")).isInstanceOf(Cell.Suppressed.class);
    }

    @Test
    void leavesOutTestimoniesOfAnotherQuestionnaire() {
        CountedTestimony other = new CountedTestimony("o1", "o1", new org.gawahi.storage.testimony.TestimonyContent(
                "eviction", 1, "en", Map.of("q2", List.of("mh"), "q1", List.of("2026-02")), Map.of()), TODAY);
        List<CountedTestimony> all = new ArrayList<>(many("mh", 6, "q1=2026-02 q2=mh"));
        all.add(other);

        assertThat(figure(report(all, H1), "raids_reported").counts().cell("mh", "2026-Q1")).isEqualTo(count(6));
    }
}
