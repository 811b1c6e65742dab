package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.buttons.ButtonData;
import org.gawahi.bot.buttons.Namespace;
import org.gawahi.config.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every button the engine can draw, in every language, is the engine's own and fits Telegram. */
class EveryEngineButtonTest {
    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    private static void assertTheEnginesAndWhole(String where, Screen.Button button, Namespace expected) {
        String data = button.id();
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(where + " " + data).isLessThanOrEqualTo(ButtonCodec.MAX_BYTES);
        ButtonData read = ButtonCodec.decode(data).orElseThrow(() -> new AssertionError(where + ": not read " + data));
        assertThat(read.namespace()).as(where + " " + data).isEqualTo(expected);
        assertThat(read.data()).as("written back").isEqualTo(data);
        assertThat(ButtonId.parse(data)).as(where + " " + data).isPresent();
    }

    @Test
    void everyButtonOfEveryScreenInEveryLanguageIsTheInterviewsAndReadsBackAsItWasWritten() {
        ScreenCatalogue catalogue = new ScreenCatalogue(questionnaire);
        List<String> seen = new ArrayList<>();
        for (String language : questionnaire.languages()) {
            for (ScreenCatalogue.Entry entry : catalogue.everyScreen(language)) {
                for (Screen.Button button : entry.screen().buttons()) {
                    assertTheEnginesAndWhole(language + " " + entry.name(), button, Namespace.RESPONDENT);
                    seen.add(button.id());
                }
            }
        }
        assertThat(seen).as("the catalogue draws months, answers and the review")
                .anyMatch(d -> d.startsWith("m:")).anyMatch(d -> d.startsWith("a:")).anyMatch(d -> d.startsWith("r:review:"));
    }

    @Test
    void theWithdrawalQuestionsButtonsAreItsOwnNamespace() {
        Conversation c = Conversation.over(questionnaire).startIn("en").answerPlainlyToReview().submit();
        c.command("/withdraw " + c.screen().receipt().orElseThrow());
        assertThat(c.buttonIds()).containsExactly("w:withdraw:yes", "w:withdraw:no");
        for (Screen.Button button : c.screen().buttons()) {
            assertTheEnginesAndWhole("withdrawal", button, Namespace.WITHDRAWAL);
        }
    }
}
