package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuppressionRulesTest {

    @Test
    void defaultsAreFiveTenAndTwenty() {
        SuppressionRules rules = SuppressionRules.defaults();

        assertThat(rules.minimumCount()).isEqualTo(5);
        assertThat(rules.minimumSensitiveCount()).isEqualTo(10);
        assertThat(rules.minimumDenominator()).isEqualTo(20);
        assertThat(rules.threshold(false)).isEqualTo(5);
        assertThat(rules.threshold(true)).isEqualTo(10);
    }

    @Test
    void threeIsTheLowestAccepted() {
        SuppressionRules rules = SuppressionRules.of(3, 3, 3);

        assertThat(rules.threshold(false)).isEqualTo(3);
    }

    @Test
    void refusesMinimumCountBelowThree() {
        assertThatThrownBy(() -> SuppressionRules.of(2, 10, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumCount is 2; it cannot be set below 3");
    }

    @Test
    void refusesMinimumSensitiveCountBelowThree() {
        assertThatThrownBy(() -> SuppressionRules.of(3, 0, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumSensitiveCount is 0; it cannot be set below 3");
    }

    @Test
    void refusesMinimumDenominatorBelowThree() {
        assertThatThrownBy(() -> SuppressionRules.of(3, 10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumDenominator is -1; it cannot be set below 3");
    }

    @Test
    void refusesSensitiveThresholdBelowNormalThreshold() {
        assertThatThrownBy(() -> SuppressionRules.of(8, 5, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumSensitiveCount is 5, below minimumCount 8");
    }

    @Test
    void refusesDenominatorBelowNormalThreshold() {
        assertThatThrownBy(() -> SuppressionRules.of(8, 10, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumDenominator is 6, below minimumCount 8");
    }

    @Test
    void namesEveryRefusedSettingAtOnce() {
        assertThatThrownBy(() -> SuppressionRules.of(0, 0, 0))
                .hasMessageContaining("minimumCount is 0")
                .hasMessageContaining("minimumSensitiveCount is 0")
                .hasMessageContaining("minimumDenominator is 0");
    }

    @Test
    void constructorCannotBypassTheFloor() {
        assertThatThrownBy(() -> new SuppressionRules(1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be set below 3");
    }
}
