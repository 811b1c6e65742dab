package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code text}: typed only, cleaned before it is kept; no buttons of its own. */
class FreeTextKindTest {
    @TempDir
    static Path folder;
    static KindFixture kinds;

    @BeforeAll
    static void load() {
        kinds = new KindFixture(folder);
    }

    @Test
    void typedTextIsTheAnswerAsCleaned() {
        assertThat(kinds.type(kinds.onQuestion("q29"), "  They came at night.\u0007 "))
                .isEqualTo(new Move.Wrote("They came at night.", false));
    }

    @Test
    void aPhoneNumberIsMaskedAndSaidSo() {
        Move move = kinds.type(kinds.onQuestion("q29"), "call me on 98765 43210");

        assertThat(move).isInstanceOf(Move.Wrote.class);
        Move.Wrote wrote = (Move.Wrote) move;
        assertThat(wrote.masked()).isTrue();
        assertThat(wrote.text()).contains(TextSanitizer.PHONE_MARK).doesNotContain("98765");
    }

    @Test
    void emptyOrTooLongTextIsRefusedWithItsWords() {
        assertThat(kinds.type(kinds.onQuestion("q29"), " \n "))
                .isEqualTo(new Move.Notice(kinds.english.message("text_empty")));
        assertThat(kinds.type(kinds.onQuestion("q29"), "a".repeat(1001))).isEqualTo(new Move.Notice(
                kinds.english.message("text_too_long", Map.of("count", "1001", "max", "1000"))));
    }

    @Test
    void itHasNoButtonsOfItsOwnAndRefusesEveryPress() {
        assertThat(kinds.render(kinds.onQuestion("q29")).rows()).isEmpty();
        assertThat(kinds.press(kinds.onQuestion("q29"), "a:q29:anything")).isEmpty();
        assertThat(kinds.press(kinds.onQuestion("q29"), "n:q29:continue")).isEmpty();
    }

    @Test
    void anAnswerListNamesNothing() {
        assertThat(kinds.label("q29", List.of("something"))).isEqualTo(kinds.english.message("answer_none"));
    }
}
