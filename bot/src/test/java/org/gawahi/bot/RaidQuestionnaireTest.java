package org.gawahi.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture every engine test loads through: it must neither hide nor invent a language. */
class RaidQuestionnaireTest {

    @Test
    void copyHasEveryLanguageWhoseTextExistsAndNoOther(@TempDir Path folder) {
        Questionnaire copy = RaidQuestionnaire.load(folder);

        assertThat(copy.languages()).containsExactlyElementsOf(RaidQuestionnaire.availableLanguages())
                .contains("en").contains(copy.defaultLanguage());
        assertThat(RaidQuestionnaire.listedLanguages()).containsAll(copy.languages());
    }

    @Test
    void onceEveryTranslationIsMergedTheCopyIsTheShippedQuestionnaire(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(RaidQuestionnaire.complete(), "translations still missing: "
                + RaidQuestionnaire.listedLanguages().stream()
                .filter(l -> !RaidQuestionnaire.availableLanguages().contains(l)).toList());

        RaidQuestionnaire.copyTo(folder);

        String shipped = QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE).read("questionnaire.yaml")
                .orElseThrow();
        assertThat(Files.readString(folder.resolve("questionnaire.yaml"), StandardCharsets.UTF_8)).isEqualTo(shipped);
        assertThat(QuestionnaireLoader.loadDefault().languages()).isEqualTo(RaidQuestionnaire.listedLanguages());
    }
}
