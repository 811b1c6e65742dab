package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The way through the raid questionnaire: its branches, Back, and the review. */
class InterviewFlowTest {
    private static final String RECEIPT = "\\d{4} \\d{4} \\d{4} \\d{4}";
    private static final List<String> CUSTODY = List.of("q12", "q13", "q14", "q15", "q15a", "q15b", "q15c", "q16", "q17");
    private static final List<String> CHILDREN = List.of("q22", "q22b", "q23", "q24", "q25");

    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    private static Conversation conversation() {
        return Conversation.over(questionnaire);
    }

    private static Conversation pastConsent() {
        return conversation().startIn("en")
                .answer("c1", "yes").answer("c2", "continue").answer("c3", "yes").answer("c4", "yes").answer("c5", "me");
    }

    /** The questions a conversation showed, in order, without repeats. */
    private static List<String> asked(Conversation c) {
        return c.screens().stream()
                .map(s -> s.buttons().stream().map(b -> ButtonId.parse(b.id()).orElseThrow())
                        .filter(b -> b.kind().equals(ButtonId.NAV)).map(ButtonId::context).findFirst().orElse(null))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    @Test
    void fullTestimonyIsSubmittedAndOnlyTheLastScreenShowsTheReceipt() {
        Conversation c = pastConsent()
                .year(2025).month(3)
                .answer("q2", "mh").answer("q3", "pune").answer("q4", "brothel").answer("q5", "night")
                .tick("q6", "local_police").tick("q6", "women_police").done()
                .answer("q7", "later").answer("q8", "said_nothing").answer("q9", "n2_5")
                .tick("q10", "insulted").done()
                .answer("q11", "station").answer("q12", "accused")
                .tick("q13", "overnight").done()
                .answer("q14", "no").answer("q15", "no")
                .tick("q16", "bond").done()
                .dontKnow()
                .answer("q18", "age25_34").answer("q19", "own_choice").answer("q20", "not_checked")
                .answer("q21", "no")
                .tick("q26", "phone").done()
                .answer("q27", "yes")
                .tick("q28", "collective").done()
                .type("They took our phones and did not give them back.")
                .tick("u1", "quote").done();
        assertThat(c.text()).startsWith(c.english("review_title"));

        c.submit();

        Screen last = c.screen();
        assertThat(last.done()).isTrue();
        assertThat(last.ending()).isEqualTo(Screen.Ending.SUBMITTED);
        assertThat(last.receipt()).hasValueSatisfying(r -> assertThat(r).matches(RECEIPT));
        assertThat(last.text()).contains(last.receipt().orElseThrow());
        assertThat(c.screens().subList(0, c.screens().size() - 1))
                .allSatisfy(s -> {
                    assertThat(s.receipt()).isEmpty();
                    assertThat(s.done()).isFalse();
                    assertThat(s.text()).doesNotContainPattern(RECEIPT);
                });
        assertThat(c.draftCount()).as("drafts left").isZero();

        TestimonyContent content = c.onlySubmission();
        assertThat(content.questionnaire()).isEqualTo("raid");
        assertThat(content.version()).isEqualTo(questionnaire.version());
        assertThat(content.language()).isEqualTo("en");
        assertThat(content.answer("c5")).containsExactly("me");
        assertThat(content.answer("q1")).containsExactly("2025-03");
        assertThat(content.answer("q3")).containsExactly("pune");
        assertThat(content.answer("q6")).containsExactly("local_police", "women_police");
        assertThat(content.answer("q9")).containsExactly("n2_5");
        assertThat(content.answer("q17")).containsExactly(Draft.DONT_KNOW);
        assertThat(content.answer("u1")).containsExactly("aggregate", "quote");
        assertThat(content.texts()).containsEntry("q29", "They took our phones and did not give them back.");
        assertThat(content.answers()).doesNotContainKeys("q10a", "q15a", "q22", "u2");
    }

    @Test
    void childrenQuestionsAreAskedWhenChildrenWereThere() {
        Conversation c = pastConsent().answerPlainlyUntil("q21").answer("q21", "yes")
                .answer("q22", "two").tick("q22b", "under6").done()
                .tick("q23", "taken_away").done()
                .answer("q24", "not_returned")
                .tick("q25", "scared").done()
                .answerPlainlyToReview().submit();

        assertThat(asked(c)).containsSubsequence("q21", "q22", "q22b", "q23", "q24", "q25", "q26");
        assertThat(c.onlySubmission().answers()).containsKeys("q22", "q22b", "q23", "q24", "q25");
    }

    @Test
    void separationIsAskedOnlyWhenAChildWasTakenAway() {
        Conversation c = pastConsent().answerPlainlyUntil("q21").answer("q21", "yes")
                .answer("q22", "one").tick("q22b", "12to17").done()
                .tick("q23", "questioned").done();

        assertThat(c.currentQuestion()).isEqualTo("q25");
    }

    @Test
    void childrenQuestionsAreSkippedWhenNoChildrenWereThere() {
        Conversation c = pastConsent().answerPlainlyUntil("q21").answer("q21", "no");

        assertThat(c.currentQuestion()).isEqualTo("q26");
        c.answerPlainlyToReview().submit();
        assertThat(asked(c)).doesNotContainAnyElementsOf(CHILDREN);
    }

    @Test
    void custodyQuestionsAreSkippedWhenSheWasNotTakenAnywhere() {
        Conversation c = pastConsent().answerPlainlyUntil("q11").answer("q11", "not_taken");

        assertThat(c.currentQuestion()).isEqualTo("q18");
        c.answerPlainlyToReview().submit();
        assertThat(asked(c)).doesNotContainAnyElementsOf(CUSTODY).doesNotContain("q27");
    }

    @Test
    void custodyAnswersGivenBeforeChangingToNotTakenAreLeftOutOfTheSealedContent() {
        Conversation c = pastConsent().answerPlainlyUntil("q11").answer("q11", "station")
                .answer("q12", "rescued").tick("q13", "lawyer").done()
                .back().back().back()
                .answer("q11", "not_taken");

        assertThat(c.currentQuestion()).isEqualTo("q18");
        c.answerPlainlyToReview().submit();
        assertThat(c.onlySubmission().answers()).containsEntry("q11", List.of("not_taken"))
                .doesNotContainKeys("q12", "q13", "q14", "q15", "q16", "q17", "q27");
    }

    @Test
    void shelterOpensTheShelterQuestionsWithoutAskingAboutTheShelterAgain() {
        Conversation c = pastConsent().answerPlainlyUntil("q11").answer("q11", "shelter")
                .answerPlainlyUntil("q15a");

        assertThat(asked(c)).containsSubsequence("q12", "q13", "q14", "q15a").doesNotContain("q15");
    }

    @Test
    void sexualViolenceOpensTheMedicalCareQuestion() {
        Conversation c = pastConsent().answerPlainlyUntil("q10").tick("q10", "sexual").done();

        assertThat(c.currentQuestion()).isEqualTo("q10a");
        assertThat(c.text()).contains(c.texts().questionText("q10a"));
    }

    @Test
    void medicalCareQuestionIsNotAskedWithoutSexualViolence() {
        Conversation c = pastConsent().answerPlainlyUntil("q10").tick("q10", "hit").done();

        assertThat(c.currentQuestion()).isEqualTo("q11");
    }

    @Test
    void contactWishOpensTheWayToReachHer() {
        Conversation c = pastConsent().answerPlainlyUntil("u1").tick("u1", "contact").done();

        assertThat(c.currentQuestion()).isEqualTo("u2");
    }

    @Test
    void goingBackAcrossTheChildrenBranchAndAnsweringNoDropsTheChildrenAnswers() {
        Conversation c = pastConsent().answerPlainlyUntil("q21").answer("q21", "yes")
                .answer("q22", "three_plus").tick("q22b", "6to11").done();
        assertThat(c.currentQuestion()).isEqualTo("q23");

        c.back().back().back();
        assertThat(c.currentQuestion()).isEqualTo("q21");
        c.answer("q21", "no");

        assertThat(c.currentQuestion()).isEqualTo("q26");
        c.answerPlainlyToReview();
        assertThat(c.text()).doesNotContain(c.texts().shortLabel("q22"), c.texts().shortLabel("q22b"));
        c.submit();
        assertThat(c.onlySubmission().answers()).containsEntry("q21", List.of("no"))
                .doesNotContainKeys("q22", "q22b", "q23", "q24", "q25");
    }

    @Test
    void backShowsThePreviousQuestionWithItsAnswerKept() {
        Conversation c = pastConsent().answerPlainlyUntil("q6").tick("q6", "ngo").tick("q6", "media").done();

        c.back();

        assertThat(c.currentQuestion()).isEqualTo("q6");
        assertThat(c.label("a:q6:ngo")).hasValue("✓ " + c.texts().optionLabel("q6", "ngo"));
        assertThat(c.label("a:q6:media")).hasValue("✓ " + c.texts().optionLabel("q6", "media"));
        assertThat(c.label("a:q6:local_police")).hasValue(c.texts().optionLabel("q6", "local_police"));
    }

    @Test
    void backFromTheFirstQuestionReturnsToTheLanguageChoice() {
        Conversation c = conversation().startIn("en").back();

        assertThat(c.text()).isEqualTo(c.english("choose_language"));
        assertThat(c.buttonIds()).contains("l:lang:en");

        c.chooseLanguage("en");
        assertThat(c.currentQuestion()).isEqualTo("c1");
    }

    @Test
    void reviewListsEveryAnswerShortly() {
        Conversation c = pastConsent().year(2024).onlyYear().answer("q2", "ka").answer("q3", "mysuru")
                .skip().answerPlainlyToReview();

        assertThat(c.text())
                .contains("• " + c.texts().shortLabel("q1") + ": 2024")
                .contains("• " + c.texts().shortLabel("q3") + ": " + c.texts().optionLabel("q3", "mysuru"))
                .contains("• " + c.texts().shortLabel("q4") + ": " + c.english("answer_skipped"))
                .doesNotContain("• " + c.texts().shortLabel("c1") + ":");
        assertThat(c.buttonIds()).containsExactly("r:review:submit", "r:review:change", "r:review:back", "r:review:erase");
    }

    @Test
    void changingAnAnswerFromTheReviewReturnsToTheReview() {
        Conversation c = pastConsent().answerPlainlyToReview().changeAnswer();
        assertThat(c.text()).isEqualTo(c.english("review_change_pick"));

        c.pick("q5");
        assertThat(c.currentQuestion()).isEqualTo("q5");
        c.answer("q5", "evening");

        assertThat(c.text()).startsWith(c.english("review_title"))
                .contains(c.texts().shortLabel("q5") + ": " + c.texts().optionLabel("q5", "evening"));
        c.submit();
        assertThat(c.onlySubmission().answer("q5")).containsExactly("evening");
    }

    @Test
    void changingAnAnswerThatOpensABranchAsksOnlyTheNewlyOpenedQuestions() {
        Conversation c = pastConsent().answerPlainlyToReview();
        assertThat(c.draft().orElseThrow().answers).containsEntry("q11", List.of("not_taken"));

        c.changeAnswer().pick("q11").answer("q11", "station");

        List<String> askedAfterChange = new java.util.ArrayList<>();
        while (c.isOnQuestion()) {
            askedAfterChange.add(c.currentQuestion());
            c.answerPlainly();
        }
        // The plain answer to q15 is "yes", which opens the shelter questions too; q18 to u1 were answered.
        assertThat(askedAfterChange)
                .containsExactly("q12", "q13", "q14", "q15", "q15a", "q15b", "q15c", "q16", "q17", "q27");
        assertThat(c.text()).startsWith(c.english("review_title"));
    }

    @Test
    void changingTheStateFromTheReviewAsksTheDistrictAgain() {
        Conversation c = pastConsent().year(2025).month(1).answer("q2", "mh").answer("q3", "pune")
                .answerPlainlyToReview();

        c.changeAnswer().pick("q2").answer("q2", "ka");

        assertThat(c.currentQuestion()).isEqualTo("q3");
        c.answer("q3", "belagavi");
        assertThat(c.text()).startsWith(c.english("review_title"));
        c.submit();
        assertThat(c.onlySubmission().answers()).containsEntry("q2", List.of("ka")).containsEntry("q3", List.of("belagavi"));
    }

    @Test
    void districtOfAnotherStateNeverReachesTheSealedContent() {
        Conversation c = pastConsent().year(2025).month(1).answer("q2", "mh").answer("q3", "pune")
                .answerPlainlyToReview();

        c.changeAnswer().pick("q2").answer("q2", "ka").back();

        assertThat(c.text()).startsWith(c.english("review_title"))
                .doesNotContain(c.texts().optionLabel("q3", "pune"));
        c.submit();
        assertThat(c.onlySubmission().answers()).containsEntry("q2", List.of("ka")).doesNotContainKey("q3");
    }

    @Test
    void backWhileChangingAnAnswerReturnsToTheReviewWithTheOldAnswer() {
        Conversation c = pastConsent().answerPlainlyToReview().changeAnswer().pick("q5").back();

        assertThat(c.text()).startsWith(c.english("review_title"))
                .contains(c.texts().shortLabel("q5") + ": " + c.texts().optionLabel("q5", "day"));
    }
}
