package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Answering#apply}: where each move on a question leads, whatever kind it came from. */
class AnsweringMovesTest {
    @TempDir
    static Path folder;
    static KindFixture kinds;
    Answering answering;

    @BeforeAll
    static void load() {
        kinds = new KindFixture(folder);
    }

    @BeforeEach
    void engine() {
        Flow flow = new Flow(kinds.questionnaire);
        AnswerKinds answerKinds = new AnswerKinds(kinds.questionnaire, flow, Conversation.CLOCK);
        Screens screens = new Screens(kinds.questionnaire, flow, answerKinds, Optional.empty());
        answering = new Answering(kinds.questionnaire, flow, screens, answerKinds);
    }

    private Outcome apply(Draft d, Move move) {
        return answering.apply(d, kinds.question(d.current), move);
    }

    @Test
    void anAnswerIsRecordedAndTheNextShownQuestionComes() {
        Draft inMaharashtra = kinds.onQuestion("q2");
        apply(inMaharashtra, new Move.Answered(List.of("mh")));
        assertThat(inMaharashtra.answers.get("q2")).containsExactly("mh").isInstanceOf(ArrayList.class);
        assertThat(inMaharashtra.current).isEqualTo("q3");

        Draft notSaid = kinds.onQuestion("q2");
        apply(notSaid, new Move.Answered(List.of("told")));
        assertThat(notSaid.current).as("the district is asked only after a state").isNotEqualTo("q3");
        assertThat(notSaid.history).containsExactly("q2");
    }

    @Test
    void aTypedAnswerReplacesAnAnswerListAndAMaskedOneIsSaidAbove() {
        Draft d = kinds.onQuestion("q29", Map.of("q29", List.of(Draft.SKIP)));

        Outcome shown = apply(d, new Move.Wrote("call " + TextSanitizer.PHONE_MARK, true));

        assertThat(d.texts).containsEntry("q29", "call " + TextSanitizer.PHONE_MARK);
        assertThat(d.answers).doesNotContainKey("q29");
        assertThat(((Outcome.Show) shown).screen().text()).startsWith(kinds.english.message("text_masked") + "\n\n");
    }

    @Test
    void aNoticeKeepsHerOnTheQuestionWithTheWordsAbove() {
        Draft d = kinds.onQuestion("q9");

        Outcome shown = apply(d, new Move.Notice("Only a number, please."));

        assertThat(d.current).isEqualTo("q9");
        assertThat(((Outcome.Show) shown).screen().text()).startsWith("Only a number, please.\n\n");
    }

    @Test
    void backOnTheMonthsReturnsToTheYearsBeforeLeavingTheQuestion() {
        Draft d = kinds.onQuestion("q1");
        d.history.add("c5");
        d.pendingYear = 2025;

        apply(d, new Move.Back());
        assertThat(d.current).isEqualTo("q1");
        assertThat(d.pendingYear).isNull();

        apply(d, new Move.Back());
        assertThat(d.current).isEqualTo("c5");
    }

    @Test
    void movesThatLeaveAreHandedBackForTheInterviewToCarryOut() {
        assertThat(apply(kinds.onQuestion("c1"), new Outcome.QuickExit())).isEqualTo(new Outcome.QuickExit());
        assertThat(apply(kinds.onQuestion("c3"), new Outcome.End("consent_declined")))
                .isEqualTo(new Outcome.End("consent_declined"));
        assertThat(apply(kinds.onQuestion("q2"), new Outcome.Erase())).isEqualTo(new Outcome.Erase());
    }

    @Test
    void aPauseRemembersTheQuestion() {
        Draft d = kinds.onQuestion("q2");

        apply(d, new Move.Pause());

        assertThat(d.stage).isEqualTo(Draft.Stage.PAUSED);
        assertThat(d.returnStage).isEqualTo(Draft.Stage.QUESTION);
    }
}
