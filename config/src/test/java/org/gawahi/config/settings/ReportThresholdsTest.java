package org.gawahi.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportThresholdsTest {

    @Test
    void defaultsToFiveTenAndTwenty() {
        assertThat(SettingsLoader.reportThresholds(Map.of())).isEqualTo(new ReportThresholds(5, 10, 20));
    }

    @Test
    void readsRaisedThresholds() {
        assertThat(SettingsLoader.reportThresholds(Map.of("GAWAHI_MIN_COUNT", "6", "GAWAHI_MIN_SENSITIVE_COUNT", "12",
                "GAWAHI_MIN_DENOMINATOR", "30"))).isEqualTo(new ReportThresholds(6, 12, 30));
    }

    @Test
    void refusesZeroAndWordsNamingEveryVariable() {
        assertThatThrownBy(() -> SettingsLoader.reportThresholds(Map.of("GAWAHI_MIN_COUNT", "0",
                "GAWAHI_MIN_DENOMINATOR", "twenty")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("GAWAHI_MIN_COUNT='0': a whole number of at least 3")
                .hasMessageContaining("GAWAHI_MIN_DENOMINATOR='twenty'");
    }

    @Test
    void refusesASensitiveThresholdBelowTheNormalOne() {
        assertThatThrownBy(() -> SettingsLoader.reportThresholds(Map.of("GAWAHI_MIN_COUNT", "8",
                "GAWAHI_MIN_SENSITIVE_COUNT", "4")))
                .hasMessageContaining("GAWAHI_MIN_SENSITIVE_COUNT=4 is below GAWAHI_MIN_COUNT=8");
    }

    @Test
    void theMinimumGroupDefaultsToTwentyOrTheSensitiveThresholdAndIsNeverBelowIt() {
        assertThat(SettingsLoader.reportThresholds(Map.of()).minimumGroup()).isEqualTo(20);
        assertThat(SettingsLoader.reportThresholds(Map.of("GAWAHI_MIN_SENSITIVE_COUNT", "25")).minimumGroup()).isEqualTo(25);
        assertThat(SettingsLoader.reportThresholds(Map.of("GAWAHI_MIN_GROUP", "40")).minimumGroup()).isEqualTo(40);
        assertThatThrownBy(() -> SettingsLoader.reportThresholds(Map.of("GAWAHI_MIN_GROUP", "2")))
                .hasMessageContaining("GAWAHI_MIN_GROUP='2': a whole number of at least 3");
        assertThatThrownBy(() -> SettingsLoader.reportThresholds(Map.of("GAWAHI_MIN_GROUP", "8")))
                .hasMessageContaining("GAWAHI_MIN_GROUP=8 is below GAWAHI_MIN_SENSITIVE_COUNT=10");
    }
}
