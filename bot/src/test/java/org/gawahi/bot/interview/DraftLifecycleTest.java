package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A draft over time: erase, pause, resume, restart, language, and after the end. */
class DraftLifecycleTest {
    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    private static Conversation atQuestion(String questionId) {
        return Conversation.over(questionnaire).startIn("en").answerPlainlyUntil(questionId);
    }

    /** Another language than English when one exists; English otherwise. */
    private static String anotherLanguage() {
        return questionnaire.languages().stream().filter(l -> !l.equals("en")).findFirst().orElse("en");
    }

    @Test
    void eraseAsksFirstAndNoKeepsHerWhereSheWas() {
        Conversation c = atQuestion("q7");
        Conversation.DraftState before = c.draftState();

        c.erase();
        assertThat(c.text()).isEqualTo(c.english("erase_confirm"));
        assertThat(c.buttonIds()).containsExactly("x:erase:yes", "x:erase:no");

        c.keepAnswers();
        assertThat(c.currentQuestion()).isEqualTo("q7");
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void confirmedEraseLeavesNothing() {
        Conversation c = atQuestion("q7").erase().confirmErase();

        assertThat(c.screen().done()).isTrue();
        assertThat(c.screen().ending()).isEqualTo(Screen.Ending.ERASED);
        assertThat(c.text()).isEqualTo(c.english("erased"));
        assertThat(c.draftCount()).isZero();
        assertThat(c.submitted()).isEmpty();
    }

    @Test
    void eraseFromTheReviewAsksFirstToo() {
        Conversation c = atQuestion("c1").answerPlainlyToReview().press("r:review:erase");

        assertThat(c.text()).isEqualTo(c.english("erase_confirm"));
        c.keepAnswers();
        assertThat(c.text()).startsWith(c.english("review_title"));
    }

    @Test
    void pauseThenStartOffersToCarryOnWithTheAnswersIntact() {
        Conversation c = atQuestion("q6").tick("q6", "ngo").pause();
        Conversation.DraftState paused = c.draftState();
        assertThat(c.text()).isEqualTo(c.english("paused"));

        c.start();
        assertThat(c.text()).isEqualTo(c.english("resume_prompt"));
        c.carryOn();

        assertThat(c.currentQuestion()).isEqualTo("q6");
        assertThat(c.label("a:q6:ngo")).hasValue("✓ " + c.texts().optionLabel("q6", "ngo"));
        assertThat(c.draft().orElseThrow().answers).isEqualTo(paused.answers());
    }

    @Test
    void carryOnFromThePauseScreenReturnsToTheSameQuestion() {
        Conversation c = atQuestion("q9").pause().resumeFromPause();

        assertThat(c.currentQuestion()).isEqualTo("q9");
    }

    @Test
    void resumesDraftAfterRestart() {
        Conversation before = atQuestion("q11").answer("q11", "station");
        Conversation.DraftState state = before.draftState();

        Conversation after = before.afterRestart().start();
        assertThat(after.text()).isEqualTo(after.english("resume_prompt"));
        after.carryOn();

        assertThat(after.currentQuestion()).isEqualTo("q12");
        assertThat(after.draft().orElseThrow().answers).isEqualTo(state.answers());
        after.answerPlainlyToReview().submit();
        assertThat(after.onlySubmission().answers()).containsKeys("c5", "q1", "q11", "q12");
    }

    @Test
    void startOverKeepsTheLanguageButNoAnswers() {
        Conversation c = atQuestion("q9").start().startOver();

        assertThat(c.currentQuestion()).isEqualTo("c1");
        assertThat(c.draft().orElseThrow().answers).isEmpty();
        assertThat(c.draft().orElseThrow().language).isEqualTo("en");
    }

    @Test
    void declinedEraseFromTheResumePromptReturnsToWhereSheWas() {
        Conversation c = atQuestion("c1").answerPlainlyToReview().command("/pause").start().press("s:resume:erase");
        assertThat(c.text()).isEqualTo(c.english("erase_confirm"));

        c.keepAnswers();

        assertThat(c.text()).startsWith(c.english("review_title"));
    }

    @Test
    void declinedEraseDuringALanguageChangeReturnsToTheQuestion() {
        Conversation c = atQuestion("q8").command("/language").command("/erase").keepAnswers();

        assertThat(c.currentQuestion()).isEqualTo("q8");
    }

    @Test
    void languageCommandSwitchesLanguageAndKeepsTheAnswers() {
        Conversation c = atQuestion("q8");
        Conversation.DraftState before = c.draftState();
        String other = anotherLanguage();

        c.command("/language");
        assertThat(c.buttonIds()).contains("l:lang:" + other);
        c.chooseLanguage(other);

        assertThat(c.currentQuestion()).isEqualTo("q8");
        assertThat(c.text()).startsWith(questionnaire.texts(other).message("language_changed"))
                .contains(questionnaire.texts(other).questionText("q8"));
        assertThat(c.draft().orElseThrow().answers).isEqualTo(before.answers());
        assertThat(c.draft().orElseThrow().language).isEqualTo(other);
    }

    @Test
    void firstScreenIsInTheLanguageHerClientReports() {
        String expected = questionnaire.supports("bn") ? "bn" : questionnaire.defaultLanguage();

        Conversation c = Conversation.over(questionnaire).withClientLanguage("bn-IN").start();

        assertThat(c.text()).isEqualTo(questionnaire.texts(expected).message("choose_language"));
        assertThat(c.buttonIds().get(0)).isEqualTo("l:lang:" + expected);
    }

    @Test
    void regionalClientLanguageIsReadByItsPrimaryCode() {
        Conversation c = Conversation.over(questionnaire).withClientLanguage("en-GB").start();

        assertThat(c.buttonIds().get(0)).isEqualTo("l:lang:en");
        assertThat(c.text()).isEqualTo(c.english("choose_language"));
    }

    @Test
    void unknownClientLanguageFallsBackToTheDefault() {
        Conversation c = Conversation.over(questionnaire).withClientLanguage("xx").start();

        assertThat(c.buttonIds().get(0)).isEqualTo("l:lang:" + questionnaire.defaultLanguage());
        assertThat(c.text()).isEqualTo(questionnaire.texts(questionnaire.defaultLanguage()).message("choose_language"));
    }

    @Test
    void everyLanguageIsOfferedOnce() {
        Conversation c = Conversation.over(questionnaire).start();

        assertThat(c.buttonIds()).containsExactlyInAnyOrderElementsOf(
                questionnaire.languages().stream().map(l -> "l:lang:" + l).toList());
    }

    @Test
    void pressingSendTwiceStoresOneTestimony() {
        Conversation c = atQuestion("c1").answerPlainlyToReview().submit();

        c.press("r:review:submit");

        assertThat(c.submitted()).hasSize(1);
        assertThat(c.screen().receipt()).isEmpty();
    }

    @Test
    void anythingAfterSubmissionGetsAKindReply() {
        Conversation c = atQuestion("c1").answerPlainlyToReview().submit();
        String receipt = c.screen().receipt().orElseThrow();

        for (Input input : List.of(new Input.Text("hello?"), new Input.Press("a:q5:night"), new Input.Press("garbage"),
                new Input.Unsupported("photo"), new Input.Command("back", ""), new Input.Command("status", receipt),
                new Input.Command("help", ""), new Input.Start())) {
            c.send(input);
            assertThat(c.text()).as("reply to %s", input).isNotBlank().isNotEqualTo(c.english("error_generic"));
            assertThat(c.screen().done()).as("reply to %s", input).isFalse();
        }
        assertThat(c.submitted()).hasSize(1);
    }

    @Test
    void helpIsShownAboveTheQuestionSheIsOn() {
        Conversation c = atQuestion("q4").command("/help");

        assertThat(c.text()).startsWith(c.english("help"));
        assertThat(c.currentQuestion()).isEqualTo("q4");
    }

    @Test
    void typedNavigationCommandsActOnTheQuestionOnScreen() {
        Conversation c = atQuestion("q4").command("/skip");
        assertThat(c.currentQuestion()).isEqualTo("q5");
        assertThat(c.draft().orElseThrow().answers).containsEntry("q4", List.of(Draft.SKIP));

        c.command("/back");
        assertThat(c.currentQuestion()).isEqualTo("q4");

        c.command("/pause");
        assertThat(c.text()).isEqualTo(c.english("paused"));

        c.command("/resume");
        assertThat(c.currentQuestion()).isEqualTo("q4");

        c.command("/erase");
        assertThat(c.text()).isEqualTo(c.english("erase_confirm"));
    }

    @Test
    void skipCommandOnAQuestionThatCannotBeSkippedSaysSo() {
        Conversation c = atQuestion("c3");
        Conversation.DraftState before = c.draftState();

        c.command("/skip");

        assertThat(c.text()).startsWith(c.english("not_in_this_question"));
        assertThat(c.currentQuestion()).isEqualTo("c3");
        assertThat(c.draftState()).isEqualTo(before);
    }
}
