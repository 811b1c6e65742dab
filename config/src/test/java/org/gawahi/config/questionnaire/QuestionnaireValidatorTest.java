package org.gawahi.config.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.ADULT;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.DISTRICT;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.EN;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.HI;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.PEOPLE;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.SHARE;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.STATE;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.STRUCTURE;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.WHEN;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.WHERE;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gawahi.config.questionnaire.QuestionnaireException.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionnaireValidatorTest {

    private static TinyQuestionnaire tiny() {
        return TinyQuestionnaire.valid();
    }

    /** The folder is refused with (at least) this problem: file, path inside it, and words of the reason. */
    private static void assertRefused(TinyQuestionnaire folder, String file, String path, String... reasonParts) {
        assertThat(folder.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.reason()).contains(reasonParts);
        });
    }

    /** 1-based number of the line holding the text. */
    private static int lineOf(String content, String text) {
        int at = content.indexOf(text);
        assertThat(at).as("'%s' in the file", text).isNotNegative();
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void acceptsTheTinyQuestionnaire() {
        assertThat(tiny().load().questions()).hasSize(11);
    }

    @Test
    void reportsAllProblemsTogether() {
        TinyQuestionnaire broken = tiny()
                .replace(STRUCTURE, "kind: month_year", "kind: month_yr")
                .delete(HI, "  where:\n    text: \"आपको कहाँ ले जाया गया?\"\n");

        assertThat(broken.problems())
                .extracting(Problem::file, Problem::path)
                .contains(tuple(STRUCTURE, WHEN + ".kind"), tuple(HI, "questions.where"));
    }

    @Test
    void shippedRaidQuestionnairePassesTheValidator() {
        assumeThat(getClass().getClassLoader().getResource(QuestionnaireLoader.DEFAULT_RESOURCE + "questionnaire.yaml"))
                .as("the raid questionnaire is not on the class path yet")
                .isNotNull();

        Questionnaire raid = QuestionnaireLoader.loadDefault();

        assertThat(raid.id()).isEqualTo("raid");
        assertThat(raid.languages()).contains(raid.defaultLanguage());
        assertThat(raid.languages()).allSatisfy(language -> assertThat(raid.texts(language).language()).isEqualTo(language));
        assertThat(raid.questions()).isNotEmpty();
    }

    @Test
    void theShippedRaidQuestionnaireKeepsAWayBackOnlyForAMessageInTheBot() {
        Questionnaire raid = QuestionnaireLoader.loadDefault();

        assertThat(raid.asksContactInBot(java.util.Map.of("u1", List.of("aggregate", "contact"), "u2", List.of("bot"))))
                .isTrue();
        assertThat(raid.asksContactInBot(java.util.Map.of("u1", List.of("aggregate", "contact"),
                "u2", List.of("peer_call")))).isFalse();
        assertThat(raid.asksContactInBot(java.util.Map.of("u1", List.of("aggregate")))).isFalse();
        assertThat(raid.languages()).allSatisfy(language ->
                assertThat(raid.texts(language).hasMessage(Questionnaire.CONTACT_MESSAGE)).isTrue());
    }

    @Nested
    class Yaml {
        @Test
        void malformedStructureIsReportedWithItsLine() {
            TinyQuestionnaire broken = tiny().replace(STRUCTURE, "- id: when\n", "- id: when: now\n");

            assertRefused(broken, STRUCTURE, "line " + lineOf(broken.file(STRUCTURE), "id: when: now"), "not valid YAML");
        }

        @Test
        void malformedTextFileIsReportedWithItsNameAndLine() {
            TinyQuestionnaire broken = tiny().replace(HI, "    text: \"पुलिस कब आई?\"", "    text: [\"पुलिस कब आई?\"");

            assertRefused(broken, HI, "line " + lineOf(broken.file(HI), "    short: \"कब\""), "not valid YAML");
        }

        @Test
        void duplicateKeyIsRefused() {
            TinyQuestionnaire broken = tiny().insertAfter(STRUCTURE, "kind: month_year", "        kind: text\n");

            int duplicateLine = lineOf(broken.file(STRUCTURE), "kind: month_year") + 1;

            assertRefused(broken, STRUCTURE, "line " + duplicateLine, "not valid YAML", "duplicate key kind");
        }

        @Test
        void fileThatIsNotAMappingIsRefused() {
            assertRefused(tiny().with(HI, "- just\n- a list\n"), HI, "", "expected a mapping at the top");
        }

        @Test
        void missingStructureFileIsRefused() {
            assertRefused(tiny().without(STRUCTURE), STRUCTURE, "", "file not found");
        }
    }

    @Nested
    class Fields {
        @Test
        void unknownFieldIsRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "kind: month_year", "        year_back: 5\n"),
                    STRUCTURE, WHEN + ".year_back", "unknown field", "years_back");
        }

        @Test
        void unknownKindIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "kind: month_year", "kind: month_yr"),
                    STRUCTURE, WHEN + ".kind", "unknown kind 'month_yr'");
        }

        @Test
        void missingKindIsRefused() {
            assertRefused(tiny().delete(STRUCTURE, "        kind: month_year\n"), STRUCTURE, WHEN + ".kind", "missing");
        }

        @Test
        void missingIdIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "      - id: when\n        kind: month_year", "      - kind: month_year"),
                    STRUCTURE, WHEN + ".id", "missing");
        }

        @Test
        void idWithoutValueIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "- id: when\n", "- id:\n"), STRUCTURE, WHEN + ".id", "empty");
        }

        @Test
        void missingVersionIsRefused() {
            assertRefused(tiny().delete(STRUCTURE, "version: 1\n"), STRUCTURE, "version", "missing");
        }

        @Test
        void versionWithoutValueIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "version: 1\n", "version:\n"), STRUCTURE, "version", "missing");
        }

        @Test
        void versionBelowOneIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "version: 1\n", "version: 0\n"), STRUCTURE, "version", "1 or more");
        }

        @Test
        void flagThatIsNotTrueOrFalseIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "skip: false", "skip: nope"), STRUCTURE, ADULT + ".skip",
                    "expected true or false");
        }

        @Test
        void numberThatIsNotANumberIsRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "kind: month_year", "        years_back: ten\n"),
                    STRUCTURE, WHEN + ".years_back", "expected a whole number");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 51})
        void yearsBackOutsideZeroToFiftyIsRefused(int yearsBack) {
            assertRefused(tiny().insertAfter(STRUCTURE, "kind: month_year", "        years_back: " + yearsBack + "\n"),
                    STRUCTURE, WHEN + ".years_back", "between 0 and 50");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1001})
        void maxLengthOutsideOneToTheCeilingIsRefused(int maxLength) {
            assertRefused(tiny().insertAfter(STRUCTURE, "kind: text", "        max_length: " + maxLength + "\n"),
                    STRUCTURE, WHERE + ".max_length", "between 1 and 1000");
        }

        @Test
        void questionnaireWithoutLanguagesIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "languages: [en, hi]", "languages: []"),
                    STRUCTURE, "languages", "at least one language");
        }

        @Test
        void languageListedTwiceIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "languages: [en, hi]", "languages: [en, hi, en]"),
                    STRUCTURE, "languages", "listed twice");
        }

        @Test
        void questionnaireWithoutSectionsIsRefused() {
            String header = "id: tiny\nversion: 1\nlanguages: [en, hi]\ndefault_language: en\n";

            assertRefused(tiny().with(STRUCTURE, header + "sections: []\n"), STRUCTURE, "sections", "no sections");
        }

        @Test
        void sectionWithoutQuestionsIsRefused() {
            TinyQuestionnaire tiny = tiny();

            assertRefused(tiny.with(STRUCTURE, tiny.file(STRUCTURE) + "  - id: empty\n    questions: []\n"),
                    STRUCTURE, "sections[2]", "no questions");
        }

        @Test
        void unknownActionIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "action: end", "action: stop"),
                    STRUCTURE, ADULT + ".options[1].action", "unknown action 'stop'");
        }
    }

    @Nested
    class Ids {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                id: tiny          | id: Tiny               | id
                - id: event       | - id: the-event        | sections[1].id
                - id: people      | - id: People           | sections[1].questions[4].id
                - id: not_taken   | - id: not taken        | sections[1].questions[5].options[1].id
                """)
        void idOutsideLowercaseDigitsAndUnderscoreIsRefused(String target, String replacement, String path) {
            assertRefused(tiny().replace(STRUCTURE, target + "\n", replacement + "\n"),
                    STRUCTURE, path, "not a valid id", "a-z, 0-9 and _");
        }

        @Test
        void duplicateSectionIdIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "- id: event", "- id: consent"),
                    STRUCTURE, "sections[1].id", "duplicate section id 'consent'");
        }

        @Test
        void duplicateQuestionIdIsRefusedEvenAcrossSections() {
            assertRefused(tiny().replace(STRUCTURE, "- id: thanks", "- id: welcome"),
                    STRUCTURE, "sections[1].questions[7].id", "duplicate question id 'welcome'");
        }

        @Test
        void duplicateOptionIdIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "- id: ka", "- id: mh"),
                    STRUCTURE, STATE + ".options[1].id", "duplicate option id 'mh'");
        }

        @Test
        void optionWhoseButtonDataWouldExceed64BytesIsRefused() {
            String longId = "p".repeat(54); // "a:district:" is 11 bytes

            assertRefused(renamePune(longId), STRUCTURE, DISTRICT + ".options[0].id", "would be 65 bytes", "64");
        }

        @Test
        void optionWhoseButtonDataIsExactly64BytesIsAccepted() {
            String longestId = "p".repeat(53);

            Questionnaire q = renamePune(longestId).load();

            assertThat(QuestionnaireValidator.buttonData("district", longestId).getBytes(StandardCharsets.UTF_8)).hasSize(64);
            assertThat(q.question("district").orElseThrow().option(longestId)).isPresent();
        }

        private TinyQuestionnaire renamePune(String optionId) {
            return tiny().replace(STRUCTURE, "- id: pune", "- id: " + optionId)
                    .replace(EN, "pune: ", optionId + ": ")
                    .replace(HI, "pune: ", optionId + ": ");
        }
    }

    @Nested
    class Conditions {
        private static final String WHERE_CONDITION = "show_if: {question: taken, none_of: [not_taken]}";

        @Test
        void conditionNamingAnUnknownQuestionIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, WHERE_CONDITION, "show_if: {question: takn, none_of: [not_taken]}"),
                    STRUCTURE, WHERE + ".show_if.question", "unknown question 'takn'");
        }

        @Test
        void conditionNamingAnUnknownOptionIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, WHERE_CONDITION, "show_if: {question: taken, none_of: [not_takn]}"),
                    STRUCTURE, WHERE + ".show_if", "question 'taken' has no option 'not_takn'");
        }

        @Test
        void questionDependingOnItselfIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, WHERE_CONDITION, "show_if: {question: where, none_of: [x]}"),
                    STRUCTURE, WHERE + ".show_if.question", "cannot depend on itself");
        }

        @Test
        void optionDependingOnItsOwnQuestionIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "{question: state, any_of: [ka]}", "{question: district, any_of: [pune]}"),
                    STRUCTURE, DISTRICT + ".options[1].show_if.question", "cannot depend on itself");
        }

        @Test
        void conditionNamingALaterQuestionIsRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "kind: month_year", "        show_if: {question: taken, any_of: [station]}\n"),
                    STRUCTURE, WHEN + ".show_if.question", "'taken' comes later");
        }

        @Test
        void nestedConditionIsReportedAtItsOwnPath() {
            TinyQuestionnaire broken = tiny().replace(STRUCTURE, WHERE_CONDITION,
                    "show_if: {all: [{question: taken, any_of: [station]}, {any: [{question: state, any_of: [mh]},"
                            + " {question: nowhere, any_of: [x]}]}]}");

            assertRefused(broken, STRUCTURE, WHERE + ".show_if.all[1].any[1].question", "unknown question 'nowhere'");
        }

        @Test
        void cycleAmongConditionsIsRefusedBesidesTheForwardReference() {
            TinyQuestionnaire broken = tiny().insertAfter(STRUCTURE, "- id: state",
                    "        show_if: {question: district, any_of: [pune]}\n");

            assertThat(broken.problems()).anySatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(STRUCTURE);
                assertThat(problem.path()).isEmpty(); // a cycle spans several questions
                assertThat(problem.reason()).contains("cycle", "state -> district -> state");
            }).anySatisfy(problem -> {
                assertThat(problem.path()).isEqualTo(STATE + ".show_if.question");
                assertThat(problem.reason()).contains("'district' comes later");
            });
        }

        @Test
        void conditionWithBothAnyOfAndNoneOfIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, WHERE_CONDITION,
                            "show_if: {question: taken, none_of: [not_taken], any_of: [station]}"),
                    STRUCTURE, WHERE + ".show_if", "exactly one of any_of or none_of");
        }

        @Test
        void conditionWithoutOptionsIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "{question: state, any_of: [mh]}", "{question: state, any_of: []}"),
                    STRUCTURE, DISTRICT + ".options[0].show_if", "at least one option");
        }

        @Test
        void conditionWithoutQuestionIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, WHERE_CONDITION, "show_if: {none_of: [not_taken]}"),
                    STRUCTURE, WHERE + ".show_if.question", "missing");
        }

        @Test
        void emptyAllIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, WHERE_CONDITION, "show_if: {all: []}"),
                    STRUCTURE, WHERE + ".show_if", "'all' needs at least one condition");
        }

        @Test
        void conditionThatIsNotAMappingIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, WHERE_CONDITION, "show_if: taken"),
                    STRUCTURE, WHERE + ".show_if", "expected a condition");
        }
    }

    @Nested
    class Options {
        @ParameterizedTest
        @ValueSource(strings = {"single", "multi", "number_band"})
        void questionThatNeedsOptionsIsRefusedWithAnEmptyList(String kind) {
            assertRefused(tiny().replace(STRUCTURE, "kind: month_year", "kind: " + kind + "\n        options: []"),
                    STRUCTURE, WHEN + ".options", "a " + kind + " question needs options");
        }

        @Test
        void questionThatNeedsOptionsIsRefusedWithoutAList() {
            assertRefused(tiny().replace(STRUCTURE, "kind: month_year", "kind: single"),
                    STRUCTURE, WHEN + ".options", "a single question needs options");
        }

        @ParameterizedTest
        @ValueSource(strings = {"text", "info", "month_year"})
        void questionThatTakesNoOptionsIsRefusedWithOptions(String kind) {
            assertRefused(tiny().replace(STRUCTURE, "kind: number_band", "kind: " + kind),
                    STRUCTURE, PEOPLE + ".options", "a " + kind + " question takes no options");
        }

        @ParameterizedTest
        @ValueSource(strings = {"exclusive", "locked"})
        void exclusiveOrLockedOptionOnASingleQuestionIsRefused(String flag) {
            assertRefused(tiny().insertAfter(STRUCTURE, "- id: mh", "            " + flag + ": true\n"),
                    STRUCTURE, STATE + ".options[0]", "exclusive and locked apply only to multi questions");
        }

        @Test
        void optionBothExclusiveAndLockedIsRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "locked: true", "            exclusive: true\n"),
                    STRUCTURE, SHARE + ".options[0]", "cannot be both exclusive and locked");
        }

        @Test
        void actionOnAMultiQuestionIsRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "- id: quotes", "            action: pause\n"),
                    STRUCTURE, SHARE + ".options[1].action", "actions apply only to single questions");
        }

        @Test
        void contactInBotWithoutTheLineAboveTheMessageIsRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "- id: quotes", "            contact_in_bot: true\n"),
                    STRUCTURE, SHARE + ".options[1].contact_in_bot", "needs the message 'contact_from_collective'");
        }

        @Test
        void contactInBotOnANumberBandIsRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "- id: few", "            contact_in_bot: true\n")
                            .insertAfter(EN, "messages:", "  contact_from_collective: \"A message from the collective:\"\n")
                            .insertAfter(HI, "messages:", "  contact_from_collective: \"संगठन का संदेश:\"\n"),
                    STRUCTURE, "sections[1].questions[4].options[0].contact_in_bot", "applies only to single and multi");
        }

        @Test
        void contactInBotWithItsLineInEveryLanguageIsReadAndCountsOnlyWhenChosen() {
            Questionnaire q = tiny().insertAfter(STRUCTURE, "- id: quotes", "            contact_in_bot: true\n")
                    .insertAfter(EN, "messages:", "  contact_from_collective: \"A message from the collective:\"\n")
                    .insertAfter(HI, "messages:", "  contact_from_collective: \"संगठन का संदेश:\"\n")
                    .load();

            assertThat(q.asksContactInBot(java.util.Map.of("share", List.of("totals", "quotes")))).isTrue();
            assertThat(q.asksContactInBot(java.util.Map.of("share", List.of("totals")))).isFalse();
            assertThat(q.texts("hi").message(Questionnaire.CONTACT_MESSAGE)).isEqualTo("संगठन का संदेश:");
        }

        @Test
        void bandLimitsOutsideANumberBandQuestionAreRefused() {
            assertRefused(tiny().insertAfter(STRUCTURE, "- id: ka", "            min: 3\n"),
                    STRUCTURE, STATE + ".options[1]", "min and max apply only to number_band questions");
        }
    }

    @Nested
    class NumberBands {
        @Test
        void bandWithoutMinIsRefused() {
            assertRefused(tiny().delete(STRUCTURE, "            min: 1\n"),
                    STRUCTURE, PEOPLE + ".options[0].min", "needs min");
        }

        @Test
        void overlappingBandsAreRefused() {
            assertRefused(tiny().replace(STRUCTURE, "min: 6", "min: 5"),
                    STRUCTURE, PEOPLE + ".options[1]", "overlaps 'few'");
        }

        @Test
        void bandAfterAnOpenEndedBandOverlapsIt() {
            assertRefused(tiny().insertAfter(STRUCTURE, "min: 6", "          - id: lots\n            min: 100\n"),
                    STRUCTURE, PEOPLE + ".options[2]", "overlaps 'many'");
        }

        @Test
        void maxBelowMinIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "max: 5", "max: 0"),
                    STRUCTURE, PEOPLE + ".options[0].max", "max is below min");
        }
    }

    @Nested
    class Actions {
        @ParameterizedTest(name = "{0}")
        @CsvSource({"end, underage_exit, 1", "explain, why_we_ask, 2"})
        void actionThatShowsAMessageIsRefusedWithoutOne(String action, String message, int option) {
            assertRefused(tiny().delete(STRUCTURE, "            message: " + message + "\n"),
                    STRUCTURE, ADULT + ".options[" + option + "].message", "action needs a message");
        }

        @Test
        void messageThatIsNotInTheTextsIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "message: why_we_ask", "message: why_we_asked"),
                    STRUCTURE, ADULT + ".options[2].message", "no message 'why_we_asked' in the texts");
        }
    }

    @Nested
    class Languages {
        @Test
        void languageListedWithoutItsTextFileIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "languages: [en, hi]", "languages: [en, hi, mr]"),
                    "text/mr.yaml", "", "file not found", "'mr'");
        }

        @Test
        void defaultLanguageNotListedIsRefused() {
            assertRefused(tiny().replace(STRUCTURE, "default_language: en", "default_language: mr"),
                    STRUCTURE, "default_language", "'mr' is not in languages");
        }

        @Test
        void textFileNamingAnotherLanguageIsRefused() {
            assertRefused(tiny().replace(HI, "language: hi", "language: mr"),
                    HI, "language", "says 'mr' but the file is for 'hi'");
        }

        @Test
        void textFileWithoutLanguageNameIsRefused() {
            assertRefused(tiny().delete(HI, "language_name: हिंदी\n"), HI, "language_name", "missing");
        }
    }

    @Nested
    class Translations {
        @Test
        void missingQuestionTranslationIsRefused() {
            assertRefused(tiny().delete(HI, "  where:\n    text: \"आपको कहाँ ले जाया गया?\"\n"),
                    HI, "questions.where", "missing translation");
        }

        @Test
        void questionTranslationWithoutTextIsRefused() {
            assertRefused(tiny().delete(HI, "    text: \"पुलिस कब आई?\"\n"), HI, "questions.when.text", "missing");
        }

        @Test
        void questionTranslationThatIsNotAMappingIsRefused() {
            assertRefused(tiny().replace(HI, "  where:\n    text: \"आपको कहाँ ले जाया गया?\"\n", "  where: \"कहाँ?\"\n"),
                    HI, "questions", "question 'where' needs text");
        }

        @Test
        void missingOptionTranslationIsRefused() {
            assertRefused(tiny().delete(HI, "      mysuru: \"मैसूरु\"\n"),
                    HI, "questions.district.options.mysuru", "missing translation");
        }

        @Test
        void missingSectionTitleIsRefused() {
            assertRefused(tiny().delete(HI, "  event: \"क्या हुआ\"\n"), HI, "sections.event", "missing translation");
        }

        @Test
        void missingMessageTranslationIsRefused() {
            assertRefused(tiny().delete(HI, "  why_we_ask: \"हम इसलिए पूछते हैं ताकि संगठन गिन सके कि क्या हुआ।\"\n"),
                    HI, "messages.why_we_ask", "missing translation");
        }

        @ParameterizedTest(name = "why:{0}")
        @ValueSource(strings = {" \"\"", " \"   \"", ""})
        void emptyTranslationIsRefused(String value) {
            assertRefused(tiny().replace(HI, "      why: \"आप क्यों पूछ रहे हैं?\"", "      why:" + value),
                    HI, "questions.adult.options.why", "empty");
        }

        @Test
        void emptyMessageIsRefused() {
            assertRefused(tiny().replace(HI, "  choose_language: \"अपनी भाषा चुनें\"", "  choose_language:"),
                    HI, "messages.choose_language", "empty");
        }

        @Test
        void messageUnknownToEnglishIsRefused() {
            assertRefused(tiny().insertAfter(HI, "  receipt:", "  recipt: \"सहेज लिया।\"\n"),
                    HI, "messages.recipt", "not in text/en.yaml");
        }

        @Test
        void translationOfAnUnknownQuestionIsRefused() {
            assertRefused(tiny().insertAfter(HI, "questions:", "  wen:\n    text: \"कब?\"\n"),
                    HI, "questions.wen", "no such question in questionnaire.yaml");
        }

        @Test
        void translationOfAnUnknownOptionIsRefused() {
            assertRefused(tiny().insertAfter(HI, "      mysuru:", "      mumbai: \"मुंबई\"\n"),
                    HI, "questions.district.options.mumbai", "no such option in questionnaire.yaml");
        }

        @Test
        void titleOfAnUnknownSectionIsRefused() {
            assertRefused(tiny().insertAfter(HI, "  event:", "  later: \"बाद में\"\n"),
                    HI, "sections.later", "no such section in questionnaire.yaml");
        }

        @Test
        void unknownFieldInATextFileIsRefused() {
            assertRefused(tiny().insertAfter(HI, "language_name:", "languge_name: हिंदी\n"),
                    HI, "languge_name", "unknown field");
        }

        @Test
        void theFormsOwnWordsAreAcceptedInATextFile() {
            // form: holds the words only the Mini App form shows; the server hands them to the page.
            assertThat(tiny().insertAfter(HI, "language_name:", "form:\n  close: \"बंद करें\"\n").load().languages())
                    .contains("hi");
        }

        @Test
        void unknownFieldInAQuestionTranslationIsRefused() {
            assertRefused(tiny().insertAfter(HI, "    short: \"कब\"", "    hint: \"महीना और साल\"\n"),
                    HI, "questions.when.hint", "unknown field");
        }

        @Test
        void placeholdersDifferingFromEnglishAreRefused() {
            assertRefused(tiny().replace(HI, "{receipt}", "{reciept}"),
                    HI, "messages.receipt", "placeholders [reciept] differ from text/en.yaml's [receipt]");
        }

        @Test
        void placeholderMissingFromATranslationIsRefused() {
            assertRefused(tiny().replace(HI, "आपकी रसीद {receipt} है।", "आपकी रसीद है।"),
                    HI, "messages.receipt", "placeholders [] differ");
        }
    }
}
