package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code single}: one press answers, or pauses, leaves, ends or explains as the option says. */
class SingleChoiceTest {
    @TempDir
    static Path folder;
    static KindFixture kinds;

    @BeforeAll
    static void load() {
        kinds = new KindFixture(folder);
    }

    @Test
    void pressOnAnOfferedOptionAnswersWithIt() {
        assertThat(kinds.press(kinds.onQuestion("q2"), "a:q2:mh")).contains(new Move.Answered(List.of("mh")));
    }

    @Test
    void optionsThatDoMoreThanAnswerPauseLeaveEndOrExplain() {
        assertThat(kinds.press(kinds.onQuestion("c1"), "a:c1:not_now")).contains(new Move.Pause());
        assertThat(kinds.press(kinds.onQuestion("c1"), "a:c1:exit")).contains(new Outcome.QuickExit());
        assertThat(kinds.press(kinds.onQuestion("c3"), "a:c3:no")).contains(new Outcome.End("consent_declined"));
        assertThat(kinds.press(kinds.onQuestion("c3"), "a:c3:question"))
                .contains(new Move.Notice(kinds.english.message("contact_info")));
    }

    @Test
    void pressOnAnOptionHiddenByAnEarlierAnswerIsRefused() {
        Draft inMaharashtra = kinds.onQuestion("q3", Map.of("q2", List.of("mh")));

        assertThat(kinds.press(inMaharashtra, "a:q3:pune")).contains(new Move.Answered(List.of("pune")));
        assertThat(kinds.press(inMaharashtra, "a:q3:mysuru")).isEmpty();
    }

    @Test
    void pressOfAnUnknownOptionOrAnotherKindsButtonIsRefused() {
        Draft d = kinds.onQuestion("q2");

        assertThat(kinds.press(d, "a:q2:atlantis")).isEmpty();
        assertThat(kinds.press(d, "d:q2:done")).isEmpty();
        assertThat(kinds.press(d, "y:q2:2025")).isEmpty();
        assertThat(kinds.press(d, "n:q2:continue")).isEmpty();
    }

    @Test
    void typingAnOptionsNumberOrLabelAnswersWithIt() {
        Draft d = kinds.onQuestion("q2");
        String secondLabel = kinds.english.optionLabel("q2", "ka");

        assertThat(kinds.type(d, " 1 ")).isEqualTo(new Move.Answered(List.of("mh")));
        assertThat(kinds.type(d, "२")).isEqualTo(new Move.Answered(List.of("ka")));
        assertThat(kinds.type(d, secondLabel.toUpperCase(java.util.Locale.ROOT))).isEqualTo(new Move.Answered(List.of("ka")));
    }

    @Test
    void typingAnOptionThatEndsOrLeavesIsRefusedWithTheWordsForButtons() {
        Move.Notice useButtons = new Move.Notice(kinds.english.message("use_buttons"));

        assertThat(kinds.type(kinds.onQuestion("c3"), "2")).isEqualTo(useButtons);
        assertThat(kinds.type(kinds.onQuestion("c1"), "3")).isEqualTo(useButtons);
        assertThat(kinds.type(kinds.onQuestion("q2"), "99")).isEqualTo(useButtons);
        assertThat(kinds.type(kinds.onQuestion("q2"), "somewhere")).isEqualTo(useButtons);
    }

    @Test
    void drawsOneButtonPerOfferedOptionWithTheFullNavigation() {
        AnswerKind.Part part = kinds.render(kinds.onQuestion("q3", Map.of("q2", List.of("ka"))));

        assertThat(KindFixture.buttonIds(part)).containsExactly("a:q3:bengaluru_urban", "a:q3:belagavi",
                "a:q3:bagalkot", "a:q3:vijayapura", "a:q3:mysuru", "a:q3:other_district", "a:q3:pns")
                .doesNotContain("a:q3:pune");
        assertThat(part.navigation()).isEqualTo(AnswerKind.Navigation.FULL);
        assertThat(part.text()).isEmpty();
    }

    @Test
    void arrivingMarksTheAnswerGivenBefore() {
        Draft d = kinds.onQuestion("q2", Map.of("q2", List.of("wb")));
        kinds.kinds.of(kinds.question("q2")).arrive(d, kinds.question("q2"));

        assertThat(d.pending).containsExactly("wb");
    }

    @Test
    void labelNamesTheChosenOptionOrSaysNoAnswer() {
        assertThat(kinds.label("q2", List.of("mh"))).isEqualTo(kinds.english.optionLabel("q2", "mh"));
        assertThat(kinds.label("q2", List.of("atlantis"))).isEqualTo(kinds.english.message("answer_none"));
    }
}
