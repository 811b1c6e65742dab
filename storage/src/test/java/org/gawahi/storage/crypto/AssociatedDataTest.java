package org.gawahi.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssociatedDataTest {
    @Test
    void fieldsThatConcatenateAlikeEncodeDifferently() {
        assertThat(AssociatedData.of("ab", "c", 1, "k").bytes())
                .isNotEqualTo(AssociatedData.of("a", "bc", 1, "k").bytes());
        assertThat(AssociatedData.of("a", "b", 1, "").bytes())
                .isNotEqualTo(AssociatedData.of("a", "", 1, "b").bytes());
    }

    @Test
    void equalValuesEncodeAlike() {
        assertThat(AssociatedData.of("testimony", "42", 3, "00ff").bytes())
                .isEqualTo(AssociatedData.of("testimony", "42", 3, "00ff").bytes());
    }

    @Test
    void versionIsPartOfTheEncoding() {
        assertThat(AssociatedData.of("t", "1", 1, "k").bytes())
                .isNotEqualTo(AssociatedData.of("t", "1", 2, "k").bytes());
    }

    @Test
    void refusesMissingFields() {
        assertThatThrownBy(() -> AssociatedData.of(null, "1", 1, "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AssociatedData.of("t", null, 1, "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AssociatedData.of("", "1", 1, "k")).isInstanceOf(IllegalArgumentException.class);
    }
}
