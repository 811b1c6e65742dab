package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each kind of question is answered: tick-all, month and year, number bands. */
class AnswerKindsTest {
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

    private static String ticked(Conversation c, String questionId, String optionId) {
        return c.english("selected_mark") + " " + c.texts().optionLabel(questionId, optionId);
    }

    private static List<String> answer(Conversation c, String questionId) {
        return c.draft().orElseThrow().answers.get(questionId);
    }

    // ---- multi ----

    @Test
    void tickShowsAMarkAndASecondTickRemovesIt() {
        Conversation c = atQuestion("q6").tick("q6", "media");
        assertThat(c.label("a:q6:media")).hasValue(ticked(c, "q6", "media"));
        assertThat(c.currentQuestion()).isEqualTo("q6");

        c.tick("q6", "media");
        assertThat(c.label("a:q6:media")).hasValue(c.texts().optionLabel("q6", "media"));
    }

    @Test
    void doneKeepsTheTickedOptionsInQuestionnaireOrder() {
        Conversation c = atQuestion("q6").tick("q6", "witnesses").tick("q6", "local_police").done();

        assertThat(c.currentQuestion()).isEqualTo("q7");
        assertThat(answer(c, "q6")).containsExactly("local_police", "witnesses");
    }

    @Test
    void exclusiveOptionClearsTheOthers() {
        Conversation c = atQuestion("q10").tick("q10", "hit").tick("q10", "threatened").tick("q10", "none");

        assertThat(c.label("a:q10:none")).hasValue(ticked(c, "q10", "none"));
        assertThat(c.label("a:q10:hit")).hasValue(c.texts().optionLabel("q10", "hit"));
        assertThat(c.label("a:q10:threatened")).hasValue(c.texts().optionLabel("q10", "threatened"));
        c.done();
        assertThat(answer(c, "q10")).containsExactly("none");
    }

    @Test
    void anotherOptionClearsTheExclusiveOne() {
        Conversation c = atQuestion("q10").tick("q10", "pns").tick("q10", "broken").done();

        assertThat(answer(c, "q10")).containsExactly("broken");
    }

    @Test
    void twoExclusiveOptionsReplaceEachOther() {
        Conversation c = atQuestion("q10").tick("q10", "none").tick("q10", "pns").done();

        assertThat(answer(c, "q10")).containsExactly("pns");
    }

    @Test
    void doneWithNothingTickedAsksForAnAnswer() {
        Conversation c = atQuestion("q6");
        Conversation.DraftState before = c.draftState();

        c.done();

        assertThat(c.text()).startsWith(c.english("multi_empty"));
        assertThat(c.currentQuestion()).isEqualTo("q6");
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void untickingEverythingThenDoneAsksForAnAnswer() {
        Conversation c = atQuestion("q6").tick("q6", "ngo").tick("q6", "ngo").done();

        assertThat(c.text()).startsWith(c.english("multi_empty"));
    }

    @Test
    void lockedConsentToCountInTotalsIsTickedAndCannotBeCleared() {
        Conversation c = atQuestion("u1");
        assertThat(c.label("a:u1:aggregate")).hasValue(ticked(c, "u1", "aggregate"));

        c.tick("u1", "aggregate");

        assertThat(c.label("a:u1:aggregate")).hasValue(ticked(c, "u1", "aggregate"));
    }

    @Test
    void doneWithOnlyTheLockedOptionKeepsIt() {
        Conversation c = atQuestion("u1").done();

        assertThat(c.text()).startsWith(c.english("review_title"));
        assertThat(answer(c, "u1")).containsExactly("aggregate");
    }

    @Test
    void ticksSurviveAPauseBeforeDone() {
        Conversation c = atQuestion("q26").tick("q26", "income").pause().start().carryOn().done();

        assertThat(answer(c, "q26")).containsExactly("income");
    }

    // ---- month and year ----

    @Test
    void yearThenMonth() {
        Conversation c = atQuestion("q1").year(2023);
        assertThat(c.text()).contains(c.english("pick_month").replace("{year}", "2023"));
        assertThat(c.buttonIds()).contains("m:q1:1", "m:q1:12", "m:q1:0", "n:q1:back");

        c.month(11);

        assertThat(c.currentQuestion()).isEqualTo("q2");
        assertThat(answer(c, "q1")).containsExactly("2023-11");
    }

    @Test
    void onlyTheYear() {
        Conversation c = atQuestion("q1").year(2016).onlyYear();

        assertThat(answer(c, "q1")).containsExactly("2016");
    }

    @Test
    void yearsOfferedAreThisYearAndTenBefore() {
        Conversation c = atQuestion("q1");

        assertThat(c.buttonIds().stream().filter(id -> id.startsWith("y:q1:")))
                .containsExactly("y:q1:2026", "y:q1:2025", "y:q1:2024", "y:q1:2023", "y:q1:2022", "y:q1:2021",
                        "y:q1:2020", "y:q1:2019", "y:q1:2018", "y:q1:2017", "y:q1:2016");
    }

    @Test
    void monthsAfterThisOneAreNotOfferedForThisYear() {
        Conversation c = atQuestion("q1").year(2026);
        Conversation.DraftState before = c.draftState();
        assertThat(c.buttonIds()).contains("m:q1:11").doesNotContain("m:q1:12");

        c.press("m:q1:12");

        assertThat(c.text()).startsWith(c.english("stale_button"));
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void typedYearTakesHerToTheMonths() {
        Conversation c = atQuestion("q1").type(" 2024 ").month(2);

        assertThat(answer(c, "q1")).containsExactly("2024-02");
    }

    @Test
    void yearTypedInDevanagariDigitsIsUnderstood() {
        Conversation c = atQuestion("q1").type("२०२४").onlyYear();

        assertThat(answer(c, "q1")).containsExactly("2024");
    }

    @Test
    void typedYearOutsideTheRangeAsksForTheButtons() {
        Conversation c = atQuestion("q1").type("1999");

        assertThat(c.text()).startsWith(c.english("use_buttons"));
        assertThat(c.buttonIds()).contains("y:q1:2026");
    }

    @Test
    void backFromTheMonthsReturnsToTheYears() {
        Conversation c = atQuestion("q1").year(2020).back();

        assertThat(c.buttonIds()).contains("y:q1:2020").doesNotContain("m:q1:1");
        assertThat(c.draft().orElseThrow().pendingYear).isNull();
    }

    @Test
    void typedSkipOnTheMonthStepSkipsTheDate() {
        Conversation c = atQuestion("q1").year(2020).command("/skip");

        assertThat(c.currentQuestion()).isEqualTo("q2");
        assertThat(answer(c, "q1")).containsExactly(Draft.SKIP);
    }

    // ---- number bands ----

    @Test
    void bandByButton() {
        Conversation c = atQuestion("q9").answer("q9", "over_20");

        assertThat(answer(c, "q9")).containsExactly("over_20");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"1, only_me", "2, n2_5", "5, n2_5", "6, n6_20", "20, n6_20", "21, over_20", "400, over_20",
            "' 12 ', n6_20", "७, n6_20", "२५, over_20", "৩, n2_5"})
    void bandByTypedNumber(String typed, String band) {
        Conversation c = atQuestion("q9").type(typed);

        assertThat(c.currentQuestion()).isEqualTo("q10");
        assertThat(answer(c, "q9")).containsExactly(band);
    }

    @ParameterizedTest
    @CsvSource({"0", "-3", "many", "1.5", "9999999999", "'1 2'"})
    void numberOutsideEveryBandIsNotUnderstood(String typed) {
        Conversation c = atQuestion("q9");
        Conversation.DraftState before = c.draftState();

        c.type(typed);

        assertThat(c.text()).startsWith(c.english("number_not_understood"));
        assertThat(c.currentQuestion()).isEqualTo("q9");
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void childrenCountWithoutUpperBound() {
        Conversation c = atQuestion("q21").answer("q21", "yes").type("12");

        assertThat(answer(c, "q22")).containsExactly("three_plus");
    }

    // ---- skip and don't know ----

    @Test
    void skipAndDontKnowAreKeptAsTheirMarkers() {
        Conversation c = atQuestion("q7").skip().dontKnow();

        assertThat(answer(c, "q7")).containsExactly(Draft.SKIP);
        assertThat(answer(c, "q8")).containsExactly(Draft.DONT_KNOW);
        assertThat(c.currentQuestion()).isEqualTo("q9");
    }

    @Test
    void skippedQuestionCountsAsAnsweredWithNothingForBranches() {
        Conversation c = atQuestion("q11").skip();

        assertThat(c.currentQuestion()).as("none_of(not_taken) holds for a skipped q11").isEqualTo("q12");
    }
}
