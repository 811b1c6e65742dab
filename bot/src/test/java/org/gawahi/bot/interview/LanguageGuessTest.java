package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageGuessTest {
    @TempDir
    Path folder;
    Questionnaire questionnaire;

    @BeforeEach
    void load() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    @Test
    void theClientsPrimaryLanguageIsTakenWhenTheQuestionnaireHasIt() {
        assertThat(LanguageGuess.guess(questionnaire, "bn")).isEqualTo("bn");
        assertThat(LanguageGuess.guess(questionnaire, "bn-IN")).isEqualTo("bn");
        assertThat(LanguageGuess.guess(questionnaire, "mr_IN")).isEqualTo("mr");
        assertThat(LanguageGuess.guess(questionnaire, " TE ")).isEqualTo("te");
    }

    @Test
    void anythingElseFallsBackToTheDefaultLanguage() {
        String fallback = questionnaire.defaultLanguage();
        assertThat(fallback).isNotEqualTo("en");
        for (String code : new String[] {null, "", "  ", "fr", "-en", "_en", "eng", "en?", "xx-en"}) {
            assertThat(LanguageGuess.guess(questionnaire, code)).as(String.valueOf(code)).isEqualTo(fallback);
        }
        assertThat(LanguageGuess.guess(questionnaire, "en-GB")).isEqualTo("en");
    }
}
