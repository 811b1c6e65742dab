package org.gawahi.config.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The desks' message files: complete in every shipped language, and a broken one refused by name. */
class DeskMessagesTest {
    private static final QuestionnaireLoader.Source SHIPPED = QuestionnaireLoader.classpath("");

    private static Map<String, String> files() {
        Map<String, String> files = new HashMap<>();
        for (String language : DeskMessages.SHIPPED) {
            files.put(DeskMessages.file(language), SHIPPED.read(DeskMessages.file(language)).orElseThrow());
        }
        return files;
    }

    private static DeskMessages load(Map<String, String> files) {
        return DeskMessages.load(name -> Optional.ofNullable(files.get(name)), DeskMessages.SHIPPED);
    }

    @Test
    void everyShippedLanguageHasEveryEnglishKeyWithItsPlaceholders() {
        DeskMessages messages = DeskMessages.shipped();
        assertThat(messages.languages()).containsExactlyElementsOf(DeskMessages.SHIPPED)
                .contains("en", "hi", "mr", "kn", "te", "bn", "ne");
        Map<String, String> english = messages.english().messages();
        assertThat(english).hasSizeGreaterThan(70);
        for (String language : DeskMessages.SHIPPED) {
            Map<String, String> translated = messages.forLanguageCode(language).messages();
            assertThat(translated.keySet()).as(language).isEqualTo(english.keySet());
            english.forEach((key, text) -> assertThat(TranslatedMessages.placeholders(translated.get(key)))
                    .as(language + " " + key).isEqualTo(TranslatedMessages.placeholders(text)));
            if (!language.equals("en")) {
                // A file copied from English and never translated would pass the two checks above.
                long same = english.entrySet().stream().filter(e -> e.getValue().equals(translated.get(e.getKey()))).count();
                assertThat(same).as(language + ": texts left in English").isLessThan(english.size() / 10);
            }
        }
    }

    @Test
    void theMaskMarkersStayAsTheyAppearInATestimonyInEveryLanguage() {
        for (String language : DeskMessages.SHIPPED) {
            assertThat(DeskMessages.shipped().forLanguageCode(language).message("mask_note"))
                    .as(language).contains("[#phone]", "[#id-number]", "[#email]", "[#link]");
        }
    }

    @Test
    void aModeratorsTelegramLanguagePicksHerFileAndAnyOtherGetsEnglish() {
        DeskMessages messages = DeskMessages.shipped();
        assertThat(messages.forLanguageCode("mr").language()).isEqualTo("mr");
        assertThat(messages.forLanguageCode("hi-IN").language()).isEqualTo("hi");
        assertThat(messages.forLanguageCode(" BN_in ").language()).isEqualTo("bn");
        assertThat(messages.forLanguageCode("pt-BR").language()).isEqualTo("en");
        assertThat(messages.forLanguageCode("").language()).isEqualTo("en");
        assertThat(messages.forLanguageCode(null).language()).isEqualTo("en");
    }

    @Test
    void aMissingKeyAChangedPlaceholderAndATypoAreEachRefusedByFileAndKey() {
        Map<String, String> files = files();
        files.put("desk/mr.yaml", files.get("desk/mr.yaml")
                .replaceFirst("(?m)^  queue_empty: .*\\n", "")
                .replace("{max} अक्षरे). बॉट", "{maximum} अक्षरे). बॉट")
                .replace("  outcome_done:", "  outcome_dnoe: \"x\"\n  outcome_done:"));
        assertThatThrownBy(() -> load(files)).isInstanceOfSatisfying(QuestionnaireException.class, e ->
                assertThat(e.problems()).extracting(QuestionnaireException.Problem::toString).containsExactlyInAnyOrder(
                        "desk/mr.yaml: messages.queue_empty: missing translation",
                        "desk/mr.yaml: messages.contact_ask: placeholders [maximum] differ from desk/en.yaml's [max]",
                        "desk/mr.yaml: messages.outcome_dnoe: not in desk/en.yaml (a typo?)"));
    }

    @Test
    void aMissingFileAnEmptyTextAndAWrongLanguageAreRefused() {
        Map<String, String> files = files();
        files.remove("desk/ne.yaml");
        files.put("desk/te.yaml", files.get("desk/te.yaml").replace("language: te", "language: kn")
                .replaceFirst("(?m)^  outcome_done: .*$", "  outcome_done: \"\""));
        assertThatThrownBy(() -> load(files)).isInstanceOfSatisfying(QuestionnaireException.class, e ->
                assertThat(e.problems()).extracting(QuestionnaireException.Problem::toString).contains(
                        "desk/ne.yaml: file not found: the desk's words are shipped in language 'ne'",
                        "desk/te.yaml: language: says 'kn' but the file is for 'te'",
                        "desk/te.yaml: messages.outcome_done: empty"));
    }

    @Test
    void placeholdersAreFilledAndAMissingKeyFailsLoudly() {
        DeskTexts en = DeskMessages.shipped().english();
        assertThat(en.message("urgent_notice_many", "count", 3)).isEqualTo("3 urgent testimonies have arrived. Send /queue.");
        assertThat(en.message("report_span", Map.of("from", "2026-Q1", "to", "2026-Q2"))).isEqualTo("2026-Q1 to 2026-Q2");
        assertThatThrownBy(() -> en.message("no_such_key")).isInstanceOf(IllegalStateException.class);
        assertThat(List.of(en.language())).containsExactly("en");
    }
}
