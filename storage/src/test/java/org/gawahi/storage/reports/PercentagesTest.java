package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentagesTest {
    private final Percentages percentages = new Percentages(SuppressionRules.defaults());

    @Test
    void showsAShareOnTwentyReports() {
        Percentage share = percentages.of(7, 20, false);

        assertThat(share).isEqualTo(new Percentage.Shown(7, 20));
        assertThat(((Percentage.Shown) share).roundedPercent()).isEqualTo(35);
    }

    @Test
    void withholdsAShareOnFewerThanTwentyReports() {
        Percentage share = percentages.of(10, 19, false);

        assertThat(share).isEqualTo(new Percentage.Withheld(Percentage.Why.FEW_REPORTS, 20));
        assertThat(((Percentage.Withheld) share).inEnglish()).isEqualTo("fewer than 20 reports");
    }

    @Test
    void withholdsAShareWhoseNumeratorIsASmallCount() {
        Percentage share = percentages.of(4, 40, false);

        assertThat(share).isEqualTo(new Percentage.Withheld(Percentage.Why.FEW_CASES, 5));
        assertThat(((Percentage.Withheld) share).inEnglish()).isEqualTo("fewer than 5 cases");
    }

    @Test
    void sensitiveNumeratorsNeedTen() {
        assertThat(percentages.of(9, 40, true)).isEqualTo(new Percentage.Withheld(Percentage.Why.FEW_CASES, 10));
        assertThat(percentages.of(10, 40, true)).isEqualTo(new Percentage.Shown(10, 40));
        assertThat(percentages.of(9, 40, false)).isEqualTo(new Percentage.Shown(9, 40));
    }

    @Test
    void aSensitiveThresholdAboveTheDenominatorMinimumRaisesIt() {
        Percentages strict = new Percentages(SuppressionRules.of(5, 25, 20));

        assertThat(strict.of(0, 22, true)).isEqualTo(new Percentage.Withheld(Percentage.Why.FEW_REPORTS, 25));
    }

    @Test
    void showsNoneOfThemAsZeroPercent() {
        assertThat(percentages.of(0, 25, true)).isEqualTo(new Percentage.Shown(0, 25));
    }

    @Test
    void refusesSomethingThatIsNotAShare() {
        assertThatThrownBy(() -> percentages.of(21, 20, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> percentages.of(-1, 20, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withholdsAShareWhoseNumeratorIsSuppressedInItsTable() {
        Cell complementary = new Cell.Suppressed(Cell.Reason.COMPLEMENTARY);

        Percentage share = percentages.of(complementary, new Cell.Count(40));

        assertThat(share).isEqualTo(new Percentage.Withheld(Percentage.Why.SUPPRESSED, 0));
        assertThat(((Percentage.Withheld) share).inEnglish()).isEqualTo("withheld to protect a suppressed figure");
    }

    @Test
    void withholdsAShareWhoseDenominatorIsSuppressedInItsTable() {
        assertThat(percentages.of(new Cell.Count(12), new Cell.Suppressed(Cell.Reason.COMPLEMENTARY)))
                .isEqualTo(new Percentage.Withheld(Percentage.Why.SUPPRESSED, 0));
    }

    @Test
    void sharesFromPublishedCellsFollowTheSameRules() {
        assertThat(percentages.of(new Cell.Count(12), new Cell.Count(40))).isEqualTo(new Percentage.Shown(12, 40));
        assertThat(percentages.of(new Cell.Count(12), new Cell.Count(19)))
                .isEqualTo(new Percentage.Withheld(Percentage.Why.FEW_REPORTS, 20));
        assertThat(percentages.of(new Cell.Count(3), new Cell.Count(40)))
                .isEqualTo(new Percentage.Withheld(Percentage.Why.FEW_CASES, 5));
    }

    @Test
    void roundsHalvesUp() {
        assertThat(new Percentage.Shown(1, 40).roundedPercent()).isEqualTo(3);
        assertThat(new Percentage.Shown(1, 3).roundedPercent()).isEqualTo(33);
        assertThat(new Percentage.Shown(2, 3).roundedPercent()).isEqualTo(67);
    }
}
