package org.gawahi.storage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyTableTest {
    private static final List<String> STATES = List.of("Maharashtra", "Karnataka");
    private static final List<String> QUARTERS = List.of("2026-Q1", "2026-Q2", "2026-Q3");

    @Test
    void addsUpRowColumnAndGrandTotals() {
        FrequencyTable table = FrequencyTable.builder(STATES, QUARTERS)
                .count("Maharashtra", "2026-Q1", 7).count("Maharashtra", "2026-Q2", 3)
                .count("Karnataka", "2026-Q2", 12).count("Karnataka", "2026-Q3", 1)
                .build();

        assertThat(table.count(CellKey.rowTotal("Maharashtra"))).isEqualTo(10);
        assertThat(table.count(CellKey.rowTotal("Karnataka"))).isEqualTo(13);
        assertThat(table.count(CellKey.columnTotal("2026-Q2"))).isEqualTo(15);
        assertThat(table.count(CellKey.columnTotal("2026-Q3"))).isEqualTo(1);
        assertThat(table.count(CellKey.grandTotal())).isEqualTo(23);
        assertThat(table.count(new CellKey("Karnataka", "2026-Q1"))).isZero();
    }

    @Test
    void totalsAreSensitiveWhenAnyOfTheirCountsIs() {
        FrequencyTable table = FrequencyTable.builder(STATES, QUARTERS)
                .sensitiveCount("Maharashtra", "2026-Q1", 12)
                .count("Karnataka", "2026-Q2", 12)
                .build();

        assertThat(table.isSensitive(CellKey.rowTotal("Maharashtra"))).isTrue();
        assertThat(table.isSensitive(CellKey.columnTotal("2026-Q1"))).isTrue();
        assertThat(table.isSensitive(CellKey.grandTotal())).isTrue();
        assertThat(table.isSensitive(CellKey.rowTotal("Karnataka"))).isFalse();
        assertThat(table.isSensitive(CellKey.columnTotal("2026-Q2"))).isFalse();
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> FrequencyTable.builder(STATES, QUARTERS).count("Karnataka", "2026-Q1", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void refusesLabelsItDoesNotHave() {
        assertThatThrownBy(() -> FrequencyTable.builder(STATES, QUARTERS).count("Goa", "2026-Q1", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No row 'Goa'");
        FrequencyTable table = FrequencyTable.builder(STATES, QUARTERS).build();
        assertThatThrownBy(() -> table.count(new CellKey("Karnataka", "2027-Q1")))
                .hasMessageContaining("No column '2027-Q1'");
    }

    @Test
    void refusesDuplicateBlankOrReservedLabels() {
        assertThatThrownBy(() -> FrequencyTable.builder(List.of("Goa", "Goa"), QUARTERS))
                .hasMessageContaining("Duplicate row label 'Goa'");
        assertThatThrownBy(() -> FrequencyTable.builder(STATES, List.of(" ")))
                .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> FrequencyTable.builder(List.of(CellKey.TOTAL), QUARTERS))
                .hasMessageContaining("not 'Total'");
    }

    @Test
    void refusesAnEmptyTable() {
        assertThatThrownBy(() -> FrequencyTable.builder(List.of(), QUARTERS))
                .hasMessageContaining("at least one row and one column");
    }
}
