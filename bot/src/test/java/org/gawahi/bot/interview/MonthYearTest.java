package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code month_year}: the year, then its month or only the year; never a month after this one
 * ({@link Conversation#CLOCK} is November 2026) nor a year outside the question's ten years back.
 */
class MonthYearTest {
    @TempDir
    static Path folder;
    static KindFixture kinds;

    @BeforeAll
    static void load() {
        kinds = new KindFixture(folder);
    }

    private static Draft inYear(int year) {
        Draft d = kinds.onQuestion("q1");
        d.pendingYear = year;
        return d;
    }

    @Test
    void aPressedYearOpensTheMonthsAndAMonthAnswers() {
        Draft d = kinds.onQuestion("q1");

        assertThat(kinds.press(d, "y:q1:2025")).contains(new Move.Redraw());
        assertThat(d.pendingYear).isEqualTo(2025);
        assertThat(kinds.press(d, "m:q1:3")).contains(new Move.Answered(List.of("2025-03")));
        assertThat(kinds.press(d, "m:q1:0")).contains(new Move.Answered(List.of("2025")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015", "2027", "25", "x"})
    void aYearOutsideTheQuestionsYearsIsRefused(String year) {
        Draft d = kinds.onQuestion("q1");

        assertThat(kinds.press(d, "y:q1:" + year)).isEmpty();
        assertThat(d.pendingYear).isNull();
    }

    @Test
    void noMonthAfterThisOneNorAMonthBeforeTheYear() {
        assertThat(kinds.press(inYear(2026), "m:q1:11")).contains(new Move.Answered(List.of("2026-11")));
        assertThat(kinds.press(inYear(2026), "m:q1:12")).isEmpty();
        assertThat(kinds.press(inYear(2025), "m:q1:13")).isEmpty();
        assertThat(kinds.press(kinds.onQuestion("q1"), "m:q1:3")).isEmpty();
        assertThat(kinds.press(inYear(2025), "y:q1:2024")).isEmpty();
    }

    @Test
    void aTypedYearInAnyScriptOpensTheMonthsButAMonthCannotBeTyped() {
        Draft d = kinds.onQuestion("q1");

        assertThat(kinds.type(d, "२०२४")).isEqualTo(new Move.Redraw());
        assertThat(d.pendingYear).isEqualTo(2024);
        assertThat(kinds.type(d, "3")).isEqualTo(new Move.Notice(kinds.english.message("use_buttons")));
        assertThat(kinds.type(kinds.onQuestion("q1"), "1999"))
                .isEqualTo(new Move.Notice(kinds.english.message("use_buttons")));
    }

    @Test
    void backFromTheMonthsReturnsToTheYearsAndFromTheYearsLeavesTheQuestion() {
        Draft d = inYear(2025);
        AnswerKind kind = kinds.kinds.of(kinds.question("q1"));

        assertThat(kind.stepBack(d)).isTrue();
        assertThat(d.pendingYear).isNull();
        assertThat(kind.stepBack(d)).isFalse();
    }

    @Test
    void drawsElevenYearsThenTheMonthsSoFarWithOnlyBack() {
        AnswerKind.Part years = kinds.render(kinds.onQuestion("q1"));
        assertThat(KindFixture.buttonIds(years)).hasSize(11).startsWith("y:q1:2026").endsWith("y:q1:2016");
        assertThat(years.navigation()).isEqualTo(AnswerKind.Navigation.FULL);

        AnswerKind.Part months = kinds.render(inYear(2026));
        assertThat(KindFixture.buttonIds(months)).hasSize(12).startsWith("m:q1:1").endsWith("m:q1:11", "m:q1:0");
        assertThat(months.text()).isEqualTo("\n\n" + kinds.english.message("pick_month", Map.of("year", "2026")));
        assertThat(months.navigation()).isEqualTo(AnswerKind.Navigation.BACK_ONLY);
    }

    @Test
    void labelIsTheMonthAndYearOrTheYearAlone() {
        assertThat(kinds.label("q1", List.of("2025-03"))).isEqualTo(kinds.english.message("month_3") + " 2025");
        assertThat(kinds.label("q1", List.of("2025"))).isEqualTo("2025");
    }
}
