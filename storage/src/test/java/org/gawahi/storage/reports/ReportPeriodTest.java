package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.gawahi.storage.reports.ReportPeriod.Granularity;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void quartersBecomeTheirMonthsAndColumnsEndWithTheUnknownPeriod() {
        ReportPeriod p = ReportPeriod.parse("2026-Q1", "2026-Q2", Granularity.QUARTER, TODAY);

        assertThat(p.from()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(p.to()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(p.columns()).containsExactly("2026-Q1", "2026-Q2", ReportPeriod.UNKNOWN);
        assertThat(p.column(YearMonth.of(2026, 5))).hasValue("2026-Q2");
        assertThat(p.column(YearMonth.of(2026, 7))).isEmpty();
    }

    @Test
    void readsAQuarterWithOrWithoutTheDashAsTelegramDoes() {
        ReportPeriod p = ReportPeriod.parse("2026q1", "2026Q2", Granularity.QUARTER, TODAY);

        assertThat(p).isEqualTo(ReportPeriod.parse("2026-Q1", "2026-Q2", Granularity.QUARTER, TODAY));
        assertThatThrownBy(() -> ReportPeriod.parse("2026q5", "2026q5", Granularity.QUARTER, TODAY))
                .isInstanceOf(ReportPeriod.InvalidPeriodException.class);
        assertThatThrownBy(() -> ReportPeriod.parse("2026--Q1", "2026-Q1", Granularity.QUARTER, TODAY))
                .isInstanceOf(ReportPeriod.InvalidPeriodException.class);
    }

    @Test
    void monthsOnRequest() {
        ReportPeriod p = ReportPeriod.parse("2026-Q1", "2026-02", Granularity.MONTH, TODAY);

        assertThat(p.columns()).containsExactly("2026-01", "2026-02", ReportPeriod.UNKNOWN);
    }

    @Test
    void refusesAnEmptyPeriod() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-Q2", "2026-Q1", Granularity.QUARTER, TODAY))
                .isInstanceOf(ReportPeriod.InvalidPeriodException.class).hasMessageContaining("empty");
    }

    @Test
    void refusesAPeriodInTheFuture() {
        assertThatThrownBy(() -> ReportPeriod.parse("2027-Q1", "2027-Q1", Granularity.QUARTER, TODAY))
                .hasMessageContaining("starts in the future");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-Q3", "2027-Q1", Granularity.QUARTER, TODAY))
                .hasMessageContaining("ends in the future").hasMessageContaining("end it at 2026-Q4 or earlier");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-12", "2026-12", Granularity.MONTH, TODAY))
                .hasMessageContaining("starts in the future");
    }

    @Test
    void aFutureEndIsToldApartFromNonsenseAndTheYearZeroIsNonsense() {
        assertThatThrownBy(() -> ReportPeriod.parse("2027-01", "2027-01", Granularity.MONTH, TODAY))
                .isInstanceOfSatisfying(ReportPeriod.InvalidPeriodException.class,
                        e -> assertThat(e.kind()).isEqualTo(ReportPeriod.InvalidPeriodException.Kind.FUTURE));
        for (String nonsense : new String[] {"0000-01", "0000-Q1", "1949-12"}) {
            assertThatThrownBy(() -> ReportPeriod.parse(nonsense, "2026-01", Granularity.MONTH, TODAY))
                    .as(nonsense).isInstanceOfSatisfying(ReportPeriod.InvalidPeriodException.class,
                            e -> assertThat(e.kind()).isEqualTo(ReportPeriod.InvalidPeriodException.Kind.NOT_A_PERIOD));
        }
    }

    @Test
    void theCurrentMonthQuarterAndYearAreNotOverAndTheLastMonthIs() {
        assertThat(ReportPeriod.parse("2026-11", "2026-11", Granularity.MONTH, TODAY).notOverOn(TODAY)).isTrue();
        assertThat(ReportPeriod.parse("2026-Q4", "2026-Q4", Granularity.QUARTER, TODAY).notOverOn(TODAY)).isTrue();
        assertThat(ReportPeriod.parse("2026-Q1", "2026-Q4", Granularity.QUARTER, TODAY).notOverOn(TODAY)).isTrue();
        assertThat(ReportPeriod.parse("2026-01", "2026-11", Granularity.MONTH, TODAY).notOverOn(TODAY)).isTrue();
        assertThat(ReportPeriod.parse("2026-10", "2026-10", Granularity.MONTH, TODAY).notOverOn(TODAY)).isFalse();
        assertThat(ReportPeriod.parse("2026-10", "2026-10", Granularity.MONTH, TODAY).notOverOn(LocalDate.of(2026, 10, 31)))
                .isTrue();
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-13", "2026-Q1", Granularity.QUARTER, TODAY))
                .hasMessageContaining("'2026-13' is not a period");
        assertThatThrownBy(() -> ReportPeriod.parse("last spring", "2026-Q1", Granularity.QUARTER, TODAY))
                .hasMessageContaining("write a quarter like 2026-Q1");
    }

    @Test
    void byQuarterRefusesMonthsThatCutAQuarter() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-02", "2026-Q2", Granularity.QUARTER, TODAY))
                .hasMessageContaining("--by month");
    }
}
