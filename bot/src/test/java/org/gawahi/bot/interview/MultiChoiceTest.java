package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code multi}: ticks (exclusive ones clear the rest, locked ones stay), then Done. */
class MultiChoiceTest {
    @TempDir
    static Path folder;
    static KindFixture kinds;

    @BeforeAll
    static void load() {
        kinds = new KindFixture(folder);
    }

    private static Draft arrivedAt(String questionId) {
        Draft d = kinds.onQuestion(questionId);
        kinds.kinds.of(kinds.question(questionId)).arrive(d, kinds.question(questionId));
        return d;
    }

    @Test
    void pressTicksAnOptionAndASecondPressUnticksIt() {
        Draft d = arrivedAt("q6");

        assertThat(kinds.press(d, "a:q6:media")).contains(new Move.Redraw());
        assertThat(d.pending).containsExactly("media");
        assertThat(kinds.press(d, "a:q6:media")).contains(new Move.Redraw());
        assertThat(d.pending).isEmpty();
    }

    @Test
    void anExclusiveOptionClearsTheOthersAndAnotherClearsIt() {
        Draft d = arrivedAt("q10");
        kinds.press(d, "a:q10:hit");
        kinds.press(d, "a:q10:none");
        assertThat(d.pending).containsExactly("none");

        kinds.press(d, "a:q10:hit");
        assertThat(d.pending).containsExactly("hit");
    }

    @Test
    void aLockedOptionIsTickedOnArrivalAndCannotBeCleared() {
        Draft d = arrivedAt("u1");
        assertThat(d.pending).containsExactly("aggregate");

        assertThat(kinds.press(d, "a:u1:aggregate")).contains(new Move.Redraw());
        assertThat(d.pending).containsExactly("aggregate");
    }

    @Test
    void doneAnswersWithTheTickedOptionsInQuestionnaireOrder() {
        Draft d = arrivedAt("q6");
        kinds.press(d, "a:q6:witnesses");
        kinds.press(d, "a:q6:local_police");

        assertThat(kinds.press(d, "d:q6:done")).contains(new Move.Answered(List.of("local_police", "witnesses")));
    }

    @Test
    void doneWithNothingTickedIsRefusedWithItsWords() {
        assertThat(kinds.press(arrivedAt("q6"), "d:q6:done"))
                .contains(new Move.Notice(kinds.english.message("multi_empty")));
    }

    @Test
    void pressOfAnUnknownOptionOrAYearIsRefusedAndTicksNothing() {
        Draft d = arrivedAt("q6");

        assertThat(kinds.press(d, "a:q6:aliens")).isEmpty();
        assertThat(kinds.press(d, "y:q6:2025")).isEmpty();
        assertThat(d.pending).isEmpty();
    }

    @Test
    void typingAnOptionsLabelTicksItAndAnythingElseIsRefused() {
        Draft d = arrivedAt("q6");

        assertThat(kinds.type(d, kinds.english.optionLabel("q6", "ngo"))).isEqualTo(new Move.Redraw());
        assertThat(d.pending).containsExactly("ngo");
        assertThat(kinds.type(d, "all of them")).isEqualTo(new Move.Notice(kinds.english.message("use_buttons")));
        assertThat(d.pending).containsExactly("ngo");
    }

    @Test
    void drawsTheHintTheTicksAndDone() {
        Draft d = arrivedAt("q6");
        kinds.press(d, "a:q6:media");
        AnswerKind.Part part = kinds.render(d);

        assertThat(part.text()).isEqualTo("\n\n" + kinds.english.message("multi_hint"));
        assertThat(KindFixture.buttonLabels(part)).contains(
                kinds.english.message("selected_mark") + " " + kinds.english.optionLabel("q6", "media"),
                kinds.english.optionLabel("q6", "ngo"));
        assertThat(KindFixture.buttonIds(part)).endsWith("d:q6:done");
    }

    @Test
    void labelJoinsTheChosenOptions() {
        assertThat(kinds.label("q6", List.of("local_police", "media"))).isEqualTo(
                kinds.english.optionLabel("q6", "local_police") + ", " + kinds.english.optionLabel("q6", "media"));
    }
}
