package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Her own words (q29): what is kept, what is masked, what is refused. */
class FreeTextTest {
    private static final String FREE_TEXT = "q29";

    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    private static Conversation atFreeText() {
        return Conversation.over(questionnaire).startIn("en").answerPlainlyUntil(FREE_TEXT);
    }

    /** Types the text, finishes and sends; returns what was sealed for q29. */
    private static String sealedAfterTyping(String typed) {
        Conversation c = atFreeText().type(typed);
        c.answerPlainlyToReview().submit();
        return c.onlySubmission().texts().get(FREE_TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "phone with a space      | call me on 98765 43210 please       | call me on [#phone] please",
            "phone with country code | my number +91-98765-43210           | my number [#phone]",
            "Aadhaar, 4-4-4          | aadhaar 1234 5678 9012 was taken    | aadhaar [#id-number] was taken",
            "Aadhaar, run together   | aadhaar 123456789012                | aadhaar [#id-number]",
            "e-mail                  | write to meera.k@example.org        | write to [#email]",
            "link                    | see https://example.com/raid?id=4   | see [#link]",
            "bare domain             | the video is on youtube.com/watch   | the video is on [#link]",
            "Devanagari phone        | मेरा नंबर ९८७६५ ४३२१० है             | मेरा नंबर [#phone] है"})
    void masksIdentifiersBeforeKeeping(String what, String typed, String kept) {
        Conversation c = atFreeText().type(typed);

        assertThat(c.text()).as(what).startsWith(c.english("text_masked"));
        c.answerPlainlyToReview().submit();
        assertThat(c.onlySubmission().texts()).containsEntry(FREE_TEXT, kept);
    }

    @Test
    void keepsSmallNumbersThatIdentifyNobody() {
        Conversation c = atFreeText().type("5 policemen came at 11 pm, 3 of us were taken");

        assertThat(c.text()).doesNotContain(c.english("text_masked"));
        c.answerPlainlyToReview().submit();
        assertThat(c.onlySubmission().texts()).containsEntry(FREE_TEXT, "5 policemen came at 11 pm, 3 of us were taken");
    }

    @Test
    void stripsControlAndInvisibleDirectionCharacters() {
        assertThat(sealedAfterTyping("they\u0000 came\u0007 at\u001B[2K night\u202E ok\u200B"))
                .isEqualTo("they came at[2K night ok");
    }

    @Test
    void keepsLineBreaksAndTurnsTabsIntoSpaces() {
        assertThat(sealedAfterTyping("first line\r\nsecond\tline")).isEqualTo("first line\nsecond line");
    }

    @Test
    void refusesTextLongerThanTheLimitWithItsCountAndTheLimit() {
        Conversation c = atFreeText();
        Conversation.DraftState before = c.draftState();

        c.type("a".repeat(10_000));

        assertThat(c.text()).startsWith(c.english("text_too_long").replace("{count}", "10000").replace("{max}", "1000"));
        assertThat(c.currentQuestion()).isEqualTo(FREE_TEXT);
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void acceptsTextOfExactlyTheLimit() {
        assertThat(sealedAfterTyping("अ".repeat(1000))).hasSize(1000);
    }

    @Test
    void countsCharactersAsSheSeesThemNotAsJavaStoresThem() {
        String thousandEmoji = "😢".repeat(1000);

        assertThat(sealedAfterTyping(thousandEmoji)).isEqualTo(thousandEmoji);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n\t", "\u0000\u0007", "\u200B\u202E"})
    void refusesEmptyText(String typed) {
        Conversation c = atFreeText();
        Conversation.DraftState before = c.draftState();

        c.type(typed);

        assertThat(c.text()).startsWith(c.english("text_empty"));
        assertThat(c.currentQuestion()).isEqualTo(FREE_TEXT);
        assertThat(c.draftState()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "emoji only                   | 😢🙏",
            "emoji with skin tone and ZWJ | 👩🏽‍👧 ❤️",
            "Devanagari with ZWJ and ZWNJ | पुलिस ने क्‍ष और क्‌ष लिखा",
            "Bengali                      | পুলিশ রাতে এসেছিল",
            "Kannada                      | ಪೊಲೀಸರು ರಾತ್ರಿ ಬಂದರು",
            "Nepali                       | प्रहरी राति आयो"})
    void keepsEmojiAndEveryScriptIntact(String what, String typed) {
        assertThat(sealedAfterTyping(typed)).as(what).isEqualTo(typed);
    }

    @Test
    void typingTextOnAQuestionWithButtonsAsksForTheButtons() {
        Conversation c = Conversation.over(questionnaire).startIn("en").answerPlainlyUntil("q4");
        Conversation.DraftState before = c.draftState();

        c.type("they broke the door");

        assertThat(c.text()).startsWith(c.english("use_buttons"));
        assertThat(c.draftState()).isEqualTo(before);
    }

    @Test
    void reviewShowsTheMaskedTextShortened() {
        Conversation c = atFreeText().type("call 98765 43210. " + "x".repeat(300)).answerPlainlyToReview();

        assertThat(c.text()).contains("[#phone]").doesNotContain("98765").doesNotContain("x".repeat(200));
    }
}
