package org.gawahi.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.gawahi.storage.reports.ReportPeriod;
import org.gawahi.storage.reports.ReportPeriod.Granularity;
import org.junit.jupiter.api.Test;

/** The period and language of {@code /report}; the chat itself is tested through the emulator. */
class ReportDeskTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void noPeriodMeansTheLastCompleteQuarter() {
        assertThat(ReportDesk.period("", TODAY)).isEqualTo(
                new ReportPeriod(YearMonth.of(2026, 7), YearMonth.of(2026, 9), Granularity.QUARTER));
        assertThat(ReportDesk.period(" ", LocalDate.of(2026, 12, 31)).fromLabel()).isEqualTo("2026-Q3");
        assertThat(ReportDesk.period("", LocalDate.of(2027, 1, 1)).fromLabel()).isEqualTo("2026-Q4");
        assertThat(ReportDesk.period("", LocalDate.of(2027, 3, 31)).fromLabel()).isEqualTo("2026-Q4");
        assertThat(ReportDesk.period("", LocalDate.of(2027, 4, 1)).fromLabel()).isEqualTo("2027-Q1");
    }

    @Test
    void aQuarterIsReadWithOrWithoutItsDashInAnyCase() {
        ReportPeriod q3 = new ReportPeriod(YearMonth.of(2026, 7), YearMonth.of(2026, 9), Granularity.QUARTER);
        assertThat(ReportDesk.period("2026-Q3", TODAY)).isEqualTo(q3);
        assertThat(ReportDesk.period("2026q3", TODAY)).isEqualTo(q3);
        assertThat(ReportDesk.period("2026-Q1 2026-Q2", TODAY).toLabel()).isEqualTo("2026-Q2");
    }

    @Test
    void aMonthAtEitherEndReportsByMonth() {
        assertThat(ReportDesk.period("2026-07", TODAY)).isEqualTo(
                new ReportPeriod(YearMonth.of(2026, 7), YearMonth.of(2026, 7), Granularity.MONTH));
        assertThat(ReportDesk.period("2026-Q1 2026-05", TODAY)).isEqualTo(
                new ReportPeriod(YearMonth.of(2026, 1), YearMonth.of(2026, 5), Granularity.MONTH));
        assertThat(ReportDesk.period("2026-11", TODAY).granularity()).isEqualTo(Granularity.MONTH);
    }

    @Test
    void refusesTheCurrentUnfinishedQuarterTheFutureAndTooManyParts() {
        // The quarter in progress reads as a period, and is not over: handle() refuses it in one sentence.
        assertThat(ReportDesk.period("2026-Q4", TODAY).notOverOn(TODAY)).isTrue();
        assertThatThrownBy(() -> ReportDesk.period("2027-Q1", TODAY))
                .isInstanceOf(ReportPeriod.InvalidPeriodException.class).hasMessageContaining("starts in the future");
        assertThatThrownBy(() -> ReportDesk.period("2026-10 2026-12", TODAY)).hasMessageContaining("end it at 2026-11");
        assertThatThrownBy(() -> ReportDesk.period("2026-Q1 2026-Q2 2026-Q3", TODAY))
                .isInstanceOf(ReportPeriod.InvalidPeriodException.class);
        assertThatThrownBy(() -> ReportDesk.period("Q3", TODAY)).hasMessageContaining("'Q3' is not a period");
    }

    @Test
    void theReportIsInTheMembersLanguageOnlyWhenReportsHaveWordsInIt() {
        ReportService service = ReportFixtures.service();
        assertThat(ReportDesk.language(service, "hi")).isEqualTo("hi");
        assertThat(ReportDesk.language(service, "mr-IN")).isEqualTo("mr");
        assertThat(ReportDesk.language(service, "bn")).isEqualTo("en");
        assertThat(ReportDesk.language(service, "")).isEqualTo("en");
        assertThat(ReportDesk.language(service, null)).isEqualTo("en");
    }
}
