package org.gawahi.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptsTest {

    @Test
    void splitsDevanagariFromLatinAndKeepsNumbersAndSpacesWithTheirNeighbours() {
        assertThat(Scripts.runs("551 में से 23% · ITPA s.15(6A)")).containsExactly(
                new Scripts.Run("551 में से 23% ", true),
                new Scripts.Run("· ITPA s.15(6A)", false));
    }

    @Test
    void keepsAConjunctWithItsJoinersInOneRun() {
        assertThat(Scripts.runs("करणाऱ्या")).containsExactly(new Scripts.Run("करणाऱ्या", true));
        assertThat(Scripts.runs("क्‍ष")).containsExactly(new Scripts.Run("क्‍ष", true));
    }

    @Test
    void plainEnglishIsOneLatinRun() {
        assertThat(Scripts.runs("Raids at night (10 pm to 6 am)"))
                .containsExactly(new Scripts.Run("Raids at night (10 pm to 6 am)", false));
    }
}
