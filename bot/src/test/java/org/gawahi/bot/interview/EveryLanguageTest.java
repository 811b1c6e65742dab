package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raid questionnaire in every language it has: every screen drawn, every message filled,
 * nothing blank, nothing left in braces, nothing left in English. Languages join as their
 * text files are merged; nothing here names them.
 */
class EveryLanguageTest {
    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    private static Stream<DynamicTest> perLanguage(List<String> languages, String what,
                                                   java.util.function.Consumer<String> test) {
        if (languages.isEmpty()) {
            return Stream.of(dynamicTest(what + ": no language to check yet",
                    () -> Assumptions.abort("only English text exists so far")));
        }
        return languages.stream().map(language -> dynamicTest(what + " in " + language, () -> test.accept(language)));
    }

    @TestFactory
    Stream<DynamicTest> everyLanguageIsTested() {
        return Stream.of(dynamicTest("the questionnaire has every language whose text file exists",
                () -> assertThat(questionnaire.languages()).containsExactlyElementsOf(RaidQuestionnaire.availableLanguages())));
    }

    @TestFactory
    Stream<DynamicTest> everyScreenIsCompleteIn() {
        return perLanguage(questionnaire.languages(), "every screen is complete",
                language -> assertThat(new TextGaps(questionnaire).onScreens(language)).isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> aWholeTestimonyCanBeGivenIn() {
        return perLanguage(questionnaire.languages(), "a whole testimony", language -> {
            Conversation c = Conversation.over(questionnaire).startIn(language).answerPlainlyToReview().submit();

            assertThat(c.screens()).allSatisfy(s -> {
                assertThat(s.text()).isNotBlank().doesNotContainPattern(TextGaps.UNFILLED);
                assertThat(s.buttons()).allSatisfy(b -> assertThat(b.label()).isNotBlank());
            });
            assertThat(c.screen().receipt()).isPresent();
            assertThat(c.onlySubmission().language()).isEqualTo(language);
        });
    }

    @TestFactory
    Stream<DynamicTest> nothingIsLeftInEnglishIn() {
        List<String> others = questionnaire.languages().stream().filter(l -> !l.equals("en")).toList();
        return perLanguage(others, "nothing is left in English",
                language -> assertThat(new TextGaps(questionnaire).untranslated(language)).isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> longestReviewWithHelpAboveItFitsInOneTelegramMessageIn() {
        return perLanguage(questionnaire.languages(), "the longest review with help fits", language -> {
            Conversation c = Conversation.over(questionnaire).startIn(language);
            while (c.isOnQuestion()) {
                answerAsLongAsPossible(c);
            }
            c.command("/help");

            assertThat(c.text()).startsWith(questionnaire.texts(language).message("help"))
                    .hasSizeLessThanOrEqualTo(TELEGRAM_MAX_TEXT);
        });
    }

    private static final int TELEGRAM_MAX_TEXT = 4096;

    /** Ticks every option that can go together, and writes the longest text allowed. */
    private static void answerAsLongAsPossible(Conversation c) {
        org.gawahi.config.questionnaire.Question q = questionnaire.question(c.currentQuestion()).orElseThrow();
        switch (q.kind()) {
            case MULTI -> {
                q.options().stream().filter(o -> !o.exclusive() && !o.locked())
                        .filter(o -> c.buttonIds().contains("a:" + q.id() + ":" + o.id()))
                        .forEach(o -> c.tick(q.id(), o.id()));
                c.done();
            }
            case TEXT -> c.type("ग".repeat(q.maxLength()));
            default -> c.answerPlainly();
        }
    }

    // ---- the checks themselves can fail ----

    @Test
    void englishLeftInATranslationIsFound(@TempDir Path fake) throws IOException {
        Questionnaire withCopiedEnglish = QuestionnaireLoader.load(withFakeHindi(fake, english -> english));

        assertThat(new TextGaps(withCopiedEnglish).untranslated("hi"))
                .anyMatch(gap -> gap.startsWith("questions.q5.text:"))
                .anyMatch(gap -> gap.startsWith("questions.q5.options.night:"))
                .anyMatch(gap -> gap.startsWith("messages.button_back:"))
                .anyMatch(gap -> gap.startsWith("sections.event:"))
                .noneMatch(gap -> gap.startsWith("questions.q22.options.one:"))
                .noneMatch(gap -> gap.startsWith("messages.selected_mark:"));
    }

    @Test
    void translatedPlaceholderLeftUnfilledIsFound(@TempDir Path fake) throws IOException {
        Questionnaire withBadPlaceholder = QuestionnaireLoader.load(withFakeHindi(fake,
                english -> english.replace("erase_confirm: \"", "erase_confirm: \"{रसीद} ")));

        assertThat(new TextGaps(withBadPlaceholder).onScreens("hi"))
                .anyMatch(gap -> gap.startsWith("erase_confirm: unfilled placeholder"))
                .anyMatch(gap -> gap.startsWith("messages.erase_confirm:"));
    }

    @Test
    void completeTranslationHasNoGaps() {
        assertThat(new TextGaps(questionnaire).onScreens("en")).isEmpty();
    }

    /** The default questionnaire with English only, plus a "hi" made from the English text. */
    private static Path withFakeHindi(Path folder, java.util.function.UnaryOperator<String> edit) throws IOException {
        RaidQuestionnaire.copyTo(folder);
        Path structure = folder.resolve("questionnaire.yaml");
        String yaml = Files.readString(structure, StandardCharsets.UTF_8)
                .replaceFirst("(?m)^languages:.*$", "languages: [en, hi]")
                .replaceFirst("(?m)^default_language:.*$", "default_language: en");
        Files.writeString(structure, yaml, StandardCharsets.UTF_8);
        String english = Files.readString(folder.resolve("text/en.yaml"), StandardCharsets.UTF_8);
        String fake = edit.apply(english.replaceFirst("(?m)^language: en$", "language: hi")
                .replaceFirst("(?m)^language_name: .*$", "language_name: Fake"));
        Files.writeString(folder.resolve("text/hi.yaml"), fake, StandardCharsets.UTF_8);
        return folder;
    }
}
