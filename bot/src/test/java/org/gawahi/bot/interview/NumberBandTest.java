package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code number_band}: a band pressed, or a number typed in any script that falls in one. */
class NumberBandTest {
    @TempDir
    static Path folder;
    static KindFixture kinds;

    @BeforeAll
    static void load() {
        kinds = new KindFixture(folder);
    }

    @ParameterizedTest
    @CsvSource({"1, only_me", "2, n2_5", "5, n2_5", "6, n6_20", "20, n6_20", "21, over_20", "२५, over_20",
            "৭, n6_20", "' 300 ', over_20"})
    void aTypedNumberAnswersWithTheBandItFallsIn(String typed, String band) {
        assertThat(kinds.type(kinds.onQuestion("q9"), typed)).isEqualTo(new Move.Answered(List.of(band)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "many", "n2_5", "1234567890", ""})
    void anythingElseTypedIsRefusedWithItsWords(String typed) {
        assertThat(kinds.type(kinds.onQuestion("q9"), typed))
                .isEqualTo(new Move.Notice(kinds.english.message("number_not_understood")));
    }

    @Test
    void aPressedBandAnswersAndAnUnknownOneIsRefused() {
        assertThat(kinds.press(kinds.onQuestion("q9"), "a:q9:n6_20")).contains(new Move.Answered(List.of("n6_20")));
        assertThat(kinds.press(kinds.onQuestion("q9"), "a:q9:n100")).isEmpty();
        assertThat(kinds.press(kinds.onQuestion("q9"), "d:q9:done")).isEmpty();
    }

    @Test
    void drawsOneButtonPerBand() {
        assertThat(KindFixture.buttonIds(kinds.render(kinds.onQuestion("q9"))))
                .containsExactly("a:q9:only_me", "a:q9:n2_5", "a:q9:n6_20", "a:q9:over_20");
    }

    @Test
    void labelNamesTheBand() {
        assertThat(kinds.label("q9", List.of("over_20"))).isEqualTo(kinds.english.optionLabel("q9", "over_20"));
    }
}
