package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Presses from older screens, forged callback data, stickers and unknown commands: each is
 * refused kindly, with the screen she is on shown again, and her draft stays as it was.
 */
class ForgedAndStrayInputTest {
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

    private static void assertRefusedKindly(Conversation c, String questionId, Conversation.DraftState before) {
        assertThat(c.text()).startsWith(c.english("stale_button"));
        assertThat(c.screen().done()).isFalse();
        assertThat(c.currentQuestion()).isEqualTo(questionId);
        assertThat(c.draftState()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "garbage", ":::", "a::", "a:q5:", "a:q5:night:extra", "A:q5:night", "a:Q5:night", "a: q5:night",
            "a:q6:media",                  // a button of another question
            "a:q5:doesnotexist",           // no such option
            "d:q5:done",                   // Done on a single-choice question
            "y:q5:2025", "m:q5:3",         // a date on a single-choice question
            "n:q5:continue", "n:q5:fly",   // navigation that is not offered
            "l:lang:en", "r:review:submit", "e:pick:q5", "p:paused:resume", "s:resume:over",
            "x:q5:yes",                    // a forged "yes, delete everything" on the question
            "s:q5:over",                   // a forged "start again" on the question
            "l:q5:en", "e:q5:q1", "r:q5:submit", "p:q5:resume",
            "a:q5:night\u0000", "a:q5:nigh\u0074\u200B",
            "a:q5:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            // other namespaces' data: the desks', the adapter's, a withdrawal nobody asked for
            "v:n", "v:a:0123456789abcdef0123456789abcdef", "m:a:0123456789abcdef0123456789abcdef", "m:n",
            "c:c:0123456789abcdef0123456789abcdef", "c:xx:0123456789abcdef0123456789abcdef", "t:x:y",
            "z:clear:now", "w:withdraw:yes", "w:withdraw:no"})
    void rejectsForgedButtonData(String data) {
        Conversation c = atQuestion("q5");
        Conversation.DraftState before = c.draftState();

        c.press(data);

        assertRefusedKindly(c, "q5", before);
    }

    @Test
    void rejectsButtonDataLongerThanTelegramAllows() {
        Conversation c = atQuestion("q5");
        Conversation.DraftState before = c.draftState();
        String longest = "a:q5:night" + "x".repeat(55);
        assertThat(longest.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThan(64);

        c.press(longest);

        assertRefusedKindly(c, "q5", before);
    }

    @Test
    void rejectsAnOptionHiddenByTheAnswersSoFar() {
        Conversation c = atQuestion("q2").answer("q2", "mh");
        assertThat(c.buttonIds()).contains("a:q3:pune").doesNotContain("a:q3:kolkata");
        Conversation.DraftState before = c.draftState();

        c.press("a:q3:kolkata");

        assertRefusedKindly(c, "q3", before);
    }

    @Test
    void rejectsAPressFromTheScreenBefore() {
        Conversation c = atQuestion("q4").answer("q4", "street");
        Conversation.DraftState before = c.draftState();

        c.press("a:q4:lodge");

        assertRefusedKindly(c, "q5", before);
        assertThat(c.draft().orElseThrow().answers).containsEntry("q4", java.util.List.of("street"));
    }

    @Test
    void rejectsAForgedDeleteOnTheReview() {
        Conversation c = atQuestion("c1").answerPlainlyToReview();
        Conversation.DraftState before = c.draftState();

        c.press("x:review:yes");

        assertThat(c.text()).startsWith(c.english("stale_button"));
        assertThat(c.draftCount()).isOne();
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void rejectsDontKnowWhereItIsNotOffered() {
        Conversation c = atQuestion("q10");
        assertThat(c.buttonIds()).doesNotContain("n:q10:dk");
        Conversation.DraftState before = c.draftState();

        c.press("n:q10:dk");

        assertRefusedKindly(c, "q10", before);
    }

    @Test
    void rejectsAYearOutsideTheOfferedRange() {
        Conversation c = atQuestion("q1");
        Conversation.DraftState before = c.draftState();

        c.press("y:q1:2027");
        assertRefusedKindly(c, "q1", before);
        c.press("y:q1:2015");
        assertRefusedKindly(c, "q1", before);
    }

    @Test
    void rejectsAMonthBeforeAYearWasChosen() {
        Conversation c = atQuestion("q1");
        Conversation.DraftState before = c.draftState();

        c.press("m:q1:3");

        assertRefusedKindly(c, "q1", before);
    }

    @Test
    void rejectsAMonthThatDoesNotExist() {
        Conversation c = atQuestion("q1").year(2024);
        Conversation.DraftState before = c.draftState();

        c.press("m:q1:13");

        assertRefusedKindly(c, "q1", before);
    }

    @Test
    void rejectsALanguageTheQuestionnaireDoesNotHave() {
        Conversation c = Conversation.over(questionnaire).withClientLanguage("en").start();

        c.press("l:lang:xx");

        assertThat(c.text()).startsWith(c.english("stale_button"));
        assertThat(c.draft().orElseThrow().language).isNull();
    }

    @Test
    void stickerIsAnsweredWithWhatTheBotCanRead() {
        Conversation c = atQuestion("q5");
        Conversation.DraftState before = c.draftState();

        c.sticker();

        assertThat(c.text()).startsWith(c.english("unsupported_input"));
        assertThat(c.currentQuestion()).isEqualTo("q5");
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void unknownCommandPointsToHelp() {
        Conversation c = atQuestion("q5");
        Conversation.DraftState before = c.draftState();

        c.command("/dance");

        assertThat(c.text()).startsWith(c.english("unknown_command"));
        assertThat(c.currentQuestion()).isEqualTo("q5");
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void unknownCommandBeforeAnyConversationKeepsNoDraft() {
        Conversation c = Conversation.over(questionnaire).command("/dance");

        assertThat(c.text()).isEqualTo(questionnaire.texts(questionnaire.defaultLanguage()).message("unknown_command"));
        assertThat(c.draftCount()).isZero();
    }

    @Test
    void commandAddressedToTheBotByNameIsUnderstood() {
        Conversation c = atQuestion("q5").command("/back@GawahiBot");

        assertThat(c.currentQuestion()).isEqualTo("q4");
    }

    @Test
    void textOnTheLanguageScreenAsksForTheButtons() {
        Conversation c = Conversation.over(questionnaire).start().type("hello");

        assertThat(c.text()).startsWith(questionnaire.texts(questionnaire.defaultLanguage()).message("use_buttons"));
    }

    @Test
    void firstMessageOfAnyKindBeginsWithTheLanguageChoice() {
        Conversation c = Conversation.over(questionnaire).type("hi, is this the raid bot?");

        assertThat(c.buttonIds()).allMatch(id -> id.startsWith("l:lang:"));
        assertThat(c.draftCount()).isOne();
    }

    @ParameterizedTest(name = "client language {0}")
    @org.junit.jupiter.params.provider.CsvSource({"en, en", "bn-IN, bn", "fr, hi", "'', hi"})
    void aStrayInputBeforeChoosingALanguageShowsThePromptInHerClientLanguageOrTheDefault(String client,
                                                                                         String expected) {
        Texts texts = questionnaire.texts(expected);
        for (Input stray : List.of(new Input.Text("hello"), new Input.Unsupported("sticker"),
                new Input.Press("zz:forged"), new Input.Command("nosuch", ""), new Input.Command("help", ""))) {
            Conversation c = Conversation.over(questionnaire).withClientLanguage(client).start().send(stray);

            assertThat(c.text()).as(stray.toString()).contains(texts.message("choose_language"));
            assertThat(c.buttonIds().get(0)).as(stray.toString()).isEqualTo("l:lang:" + expected);
            assertThat(c.text()).as("the notice, in the same language").doesNotContain(
                    questionnaire.texts(expected.equals("hi") ? "en" : "hi").message("choose_language"));
        }
    }
}
