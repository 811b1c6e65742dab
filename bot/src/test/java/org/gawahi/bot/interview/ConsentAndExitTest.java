package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gates before any testimony: safety, consent, age; and the ways out. */
class ConsentAndExitTest {
    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    private static Conversation atConsent() {
        return Conversation.over(questionnaire).startIn("en");
    }

    @Test
    void quickExitErasesEverythingAndLeavesOnlyAnInnocuousLine() {
        Conversation c = atConsent().answer("c1", "exit");

        assertThat(c.screen().done()).isTrue();
        assertThat(c.screen().ending()).isEqualTo(Screen.Ending.QUICK_EXIT);
        assertThat(c.text()).isEqualTo(c.english("quick_exit"));
        assertThat(c.text()).doesNotContainIgnoringCase("testimony").doesNotContainIgnoringCase("police")
                .doesNotContainIgnoringCase("raid");
        assertThat(c.screen().buttons()).isEmpty();
        assertThat(c.draftCount()).isZero();
        assertThat(c.submitted()).isEmpty();
    }

    @Test
    void exitCommandInTheMiddleErasesTheAnswersGivenSoFar() {
        Conversation c = atConsent().answerPlainlyUntil("q10");
        assertThat(c.draftCount()).isOne();

        c.command("/exit");

        assertThat(c.screen().ending()).isEqualTo(Screen.Ending.QUICK_EXIT);
        assertThat(c.text()).isEqualTo(c.english("quick_exit"));
        assertThat(c.draftCount()).isZero();
    }

    @Test
    void notNowPausesAndStartLaterOffersToCarryOn() {
        Conversation c = atConsent().answer("c1", "not_now");
        assertThat(c.text()).isEqualTo(c.english("paused"));
        assertThat(c.draftCount()).isOne();

        c.start().carryOn();

        assertThat(c.currentQuestion()).isEqualTo("c1");
    }

    @Test
    void tellMeMoreExplainsAndAsksTheSameQuestionAgain() {
        Conversation c = atConsent().answer("c1", "yes").answer("c2", "more");

        assertThat(c.text()).startsWith(c.english("consent_more"));
        assertThat(c.currentQuestion()).isEqualTo("c2");
    }

    @Test
    void aQuestionAboutConsentShowsHowToReachTheCollective() {
        Conversation c = atConsent().answer("c1", "yes").answer("c2", "continue").answer("c3", "question");

        assertThat(c.text()).startsWith(c.english("contact_info"));
        assertThat(c.currentQuestion()).isEqualTo("c3");
    }

    @Test
    void declinedConsentEndsWithNothingKept() {
        Conversation c = atConsent().answer("c1", "yes").answer("c2", "continue").answer("c3", "no");

        assertThat(c.screen().done()).isTrue();
        assertThat(c.screen().ending()).isEqualTo(Screen.Ending.ENDED);
        assertThat(c.text()).isEqualTo(c.english("consent_declined"));
        assertThat(c.draftCount()).isZero();
        assertThat(c.submitted()).isEmpty();
    }

    @Test
    void underEighteenEndsWithChildlineAndNoTestimony() {
        Conversation c = atConsent().answer("c1", "yes").answer("c2", "continue").answer("c3", "yes")
                .answer("c4", "no");

        assertThat(c.screen().done()).isTrue();
        assertThat(c.screen().ending()).isEqualTo(Screen.Ending.ENDED);
        assertThat(c.text()).isEqualTo(c.english("underage_exit")).contains("1098");
        assertThat(c.draftCount()).isZero();
        assertThat(c.submitted()).isEmpty();
    }

    @Test
    void consentQuestionsCannotBeSkipped() {
        Conversation c = atConsent();

        assertThat(c.buttonIds()).doesNotContain("n:c1:skip", "n:c1:dk");
        c.press("n:c1:skip");
        assertThat(c.text()).startsWith(c.english("stale_button"));
        assertThat(c.currentQuestion()).isEqualTo("c1");
    }

    @Test
    void typingTheNumberOfTheQuickExitButtonDoesNotEndTheTestimony() {
        Conversation c = atConsent().type("3");

        assertThat(c.screen().done()).isFalse();
        assertThat(c.text()).startsWith(c.english("use_buttons"));
        assertThat(c.draftCount()).isOne();
    }

    @Test
    void typingTheNumberOfAnOptionThatGoesOnAnswersIt() {
        Conversation c = atConsent().type("1");

        assertThat(c.currentQuestion()).isEqualTo("c2");
        assertThat(c.draft().orElseThrow().answers).containsEntry("c1", java.util.List.of("yes"));
    }

    @Test
    void typingTheLabelOfAnOptionAnswersIt() {
        Conversation c = atConsent().answerPlainlyUntil("q5").type("night (10 PM – 6 AM)");

        assertThat(c.currentQuestion()).isEqualTo("q6");
        assertThat(c.draft().orElseThrow().answers).containsEntry("q5", java.util.List.of("night"));
    }
}
