package org.gawahi.config.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.EN;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.HI;
import static org.gawahi.config.questionnaire.TinyQuestionnaire.STRUCTURE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionnaireLoaderTest {

    private static final Function<String, Set<String>> NOTHING_ANSWERED = questionId -> Set.of();

    private static Function<String, Set<String>> answered(String questionId, String... optionIds) {
        return q -> q.equals(questionId) ? Set.of(optionIds) : Set.of();
    }

    private static Function<String, Set<String>> answers(Map<String, Set<String>> byQuestion) {
        return q -> byQuestion.getOrDefault(q, Set.of());
    }

    private static Questionnaire tiny() {
        return TinyQuestionnaire.valid().load();
    }

    private static Question question(Questionnaire q, String id) {
        return q.question(id).orElseThrow();
    }

    private static Option option(Questionnaire q, String questionId, String optionId) {
        return question(q, questionId).option(optionId).orElseThrow();
    }

    private static List<String> ids(List<Option> options) {
        return options.stream().map(Option::id).toList();
    }

    @Test
    void loadsTheStructureInFileOrder() {
        Questionnaire q = tiny();

        assertThat(q.id()).isEqualTo("tiny");
        assertThat(q.version()).isEqualTo(1);
        assertThat(q.languages()).containsExactly("en", "hi");
        assertThat(q.defaultLanguage()).isEqualTo("en");
        assertThat(q.sections()).extracting(Section::id).containsExactly("consent", "event");
        assertThat(q.questions()).extracting(Question::id, Question::sectionId).containsExactly(
                tuple("welcome", "consent"), tuple("adult", "consent"), tuple("share", "consent"),
                tuple("when", "event"), tuple("state", "event"), tuple("district", "event"),
                tuple("phone", "event"), tuple("people", "event"), tuple("taken", "event"),
                tuple("where", "event"), tuple("thanks", "event"));
    }

    @Test
    void findsQuestionsByIdAndPosition() {
        Questionnaire q = tiny();

        assertThat(q.position("state")).isEqualTo(4);
        assertThat(q.position("nowhere")).isEqualTo(-1);
        assertThat(q.question("nowhere")).isEmpty();
        assertThat(q.question("state")).get().extracting(Question::id).isEqualTo("state");
    }

    @Test
    void readsTheKindOfEveryQuestion() {
        assertThat(tiny().questions()).extracting(Question::id, Question::kind).containsExactly(
                tuple("welcome", QuestionKind.INFO), tuple("adult", QuestionKind.SINGLE),
                tuple("share", QuestionKind.MULTI), tuple("when", QuestionKind.MONTH_YEAR),
                tuple("state", QuestionKind.SINGLE), tuple("district", QuestionKind.SINGLE),
                tuple("phone", QuestionKind.SINGLE), tuple("people", QuestionKind.NUMBER_BAND),
                tuple("taken", QuestionKind.SINGLE), tuple("where", QuestionKind.TEXT),
                tuple("thanks", QuestionKind.INFO));
    }

    @Test
    void offersSkipAndDontKnowByDefaultOnAskingQuestionsOnly() {
        Questionnaire q = tiny();

        assertThat(question(q, "share")).extracting(Question::skip, Question::dontKnow).containsExactly(true, true);
        assertThat(question(q, "when")).extracting(Question::skip, Question::dontKnow).containsExactly(true, true);
        assertThat(question(q, "where")).extracting(Question::skip, Question::dontKnow).containsExactly(true, true);
        assertThat(question(q, "welcome")).extracting(Question::skip, Question::dontKnow).containsExactly(false, false);
        assertThat(question(q, "thanks")).extracting(Question::skip, Question::dontKnow).containsExactly(false, false);
    }

    @Test
    void honoursSkipAndDontKnowTurnedOff() {
        assertThat(question(tiny(), "adult")).extracting(Question::skip, Question::dontKnow).containsExactly(false, false);
    }

    @Test
    void marksOnlyQuestionsSaidToBeSensitive() {
        assertThat(tiny().questions()).filteredOn(Question::sensitive).extracting(Question::id).containsExactly("phone");
    }

    @Test
    void defaultsToTenYearsBackAndAThousandCharacters() {
        Questionnaire q = tiny();

        assertThat(question(q, "when").yearsBack()).isEqualTo(10);
        assertThat(question(q, "where").maxLength()).isEqualTo(1000).isEqualTo(Question.MAX_TEXT_LENGTH);
    }

    @Test
    void readsYearsBackAndMaxLengthWhenGiven() {
        Questionnaire q = TinyQuestionnaire.valid()
                .insertAfter(STRUCTURE, "kind: month_year", "        years_back: 3\n")
                .insertAfter(STRUCTURE, "kind: text", "        max_length: 200\n")
                .load();

        assertThat(question(q, "when").yearsBack()).isEqualTo(3);
        assertThat(question(q, "where").maxLength()).isEqualTo(200);
    }

    @Test
    void readsOptionActionsAndTheirMessages() {
        Question adult = question(tiny(), "adult");

        assertThat(adult.options()).extracting(Option::id, Option::action, Option::message).containsExactly(
                tuple("yes", OptionAction.CONTINUE, Optional.empty()),
                tuple("no", OptionAction.END, Optional.of("underage_exit")),
                tuple("why", OptionAction.EXPLAIN, Optional.of("why_we_ask")));
    }

    @Test
    void readsExclusiveAndLockedOptions() {
        Question share = question(tiny(), "share");

        assertThat(share.options()).extracting(Option::id, Option::locked, Option::exclusive).containsExactly(
                tuple("totals", true, false), tuple("quotes", false, false), tuple("nothing", false, true));
    }

    @Test
    void readsTagsAndUrgency() {
        Questionnaire q = tiny();

        assertThat(option(q, "phone", "off")).extracting(Option::tags, Option::urgent).containsExactly(List.of("phone_off"), true);
        assertThat(option(q, "phone", "on")).extracting(Option::tags, Option::urgent).containsExactly(List.of(), false);
        assertThat(option(q, "taken", "station").tags()).containsExactly("detained");
    }

    @Test
    void readsNumberBandsWithAnOpenUpperEnd() {
        Question people = question(tiny(), "people");
        Option few = people.option("few").orElseThrow();
        Option many = people.option("many").orElseThrow();

        assertThat(few.min()).hasValue(1);
        assertThat(few.max()).hasValue(5);
        assertThat(many.min()).hasValue(6);
        assertThat(many.max()).isEmpty();
        assertThat(few.contains(0)).isFalse();
        assertThat(few.contains(1)).isTrue();
        assertThat(few.contains(5)).isTrue();
        assertThat(many.contains(5)).isFalse();
        assertThat(many.contains(6)).isTrue();
        assertThat(many.contains(1_000_000)).isTrue();
    }

    @Test
    void keepsYesNoOnAndOffAsOptionIdsNotBooleans() {
        Questionnaire q = tiny();

        assertThat(ids(question(q, "adult").options())).startsWith("yes", "no");
        assertThat(ids(question(q, "phone").options())).containsExactly("on", "off");
        assertThat(q.texts("en").optionLabel("adult", "yes")).isEqualTo("Yes");
        assertThat(q.texts("en").optionLabel("adult", "no")).isEqualTo("No");
        assertThat(q.texts("hi").optionLabel("phone", "on")).isEqualTo("चालू");
        assertThat(q.texts("hi").optionLabel("phone", "off")).isEqualTo("बंद");
    }

    @Test
    void stillReadsTrueAndFalseAsBooleans() {
        Question adult = question(tiny(), "adult");

        assertThat(adult.skip()).isFalse();
        assertThat(option(tiny(), "share", "totals").locked()).isTrue();
    }

    @Test
    void questionConditionOnAnUnansweredQuestionTreatsItAsAnsweredWithNothing() {
        Questionnaire q = tiny();
        Question where = question(q, "where"); // show_if: {question: taken, none_of: [not_taken]}

        assertThat(q.isShown(where, NOTHING_ANSWERED)).isTrue();
        assertThat(q.isShown(where, answered("taken", "station"))).isTrue();
        assertThat(q.isShown(where, answered("taken", "not_taken"))).isFalse();
    }

    @Test
    void questionsWithoutConditionAreAlwaysShown() {
        Questionnaire q = tiny();

        assertThat(q.isShown(question(q, "state"), NOTHING_ANSWERED)).isTrue();
    }

    @Test
    void shownOptionsFollowTheirOwnConditions() {
        Questionnaire q = tiny();
        Question district = question(q, "district"); // pune if state is mh, mysuru if ka

        assertThat(ids(q.shownOptions(district, NOTHING_ANSWERED))).isEmpty();
        assertThat(ids(q.shownOptions(district, answered("state", "mh")))).containsExactly("pune");
        assertThat(ids(q.shownOptions(district, answered("state", "ka")))).containsExactly("mysuru");
        assertThat(ids(q.shownOptions(question(q, "state"), NOTHING_ANSWERED))).containsExactly("mh", "ka");
    }

    @Test
    void allAndAnyCombineConditions() {
        Questionnaire q = TinyQuestionnaire.valid()
                .replace(STRUCTURE, "show_if: {question: taken, none_of: [not_taken]}",
                        "show_if: {all: [{question: taken, any_of: [station]}, {any: [{question: state, any_of: [mh]},"
                                + " {question: phone, any_of: [off]}]}]}")
                .load();
        Question where = question(q, "where");

        assertThat(q.isShown(where, answers(Map.of("taken", Set.of("station"), "state", Set.of("mh"))))).isTrue();
        assertThat(q.isShown(where, answers(Map.of("taken", Set.of("station"), "phone", Set.of("off"))))).isTrue();
        assertThat(q.isShown(where, answers(Map.of("taken", Set.of("station"), "state", Set.of("ka"),
                "phone", Set.of("on"))))).isFalse();
        assertThat(q.isShown(where, answers(Map.of("taken", Set.of("not_taken"), "state", Set.of("mh"))))).isFalse();
        assertThat(q.isShown(where, NOTHING_ANSWERED)).isFalse();
        assertThat(where.showIf().orElseThrow().questions()).containsExactlyInAnyOrder("taken", "state", "phone");
    }

    @Test
    void fillsPlaceholdersInMessages() {
        Questionnaire q = tiny();

        assertThat(q.texts("en").message("receipt", Map.of("receipt", "K7Q2"))).isEqualTo("Saved. Your receipt is K7Q2.");
        assertThat(q.texts("hi").message("receipt", Map.of("receipt", "K7Q2"))).isEqualTo("सहेज लिया। आपकी रसीद K7Q2 है।");
        assertThat(q.texts("en").message("choose_language")).isEqualTo("Choose your language");
    }

    @Test
    void failsLoudlyOnAMessageThatDoesNotExist() {
        assertThatThrownBy(() -> tiny().texts("en").message("no_such_message"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_message");
    }

    @Test
    void hasEveryWordInEveryLanguage() {
        Questionnaire q = tiny();

        for (String language : q.languages()) {
            Texts texts = q.texts(language);
            assertThat(texts.language()).isEqualTo(language);
            assertThat(texts.languageName()).isNotBlank();
            assertThat(q.supports(language)).isTrue();
            for (Section section : q.sections()) {
                assertThat(texts.sectionTitle(section.id())).as("%s section %s", language, section.id()).isNotBlank();
            }
            for (Question question : q.questions()) {
                assertThat(texts.questionText(question.id())).as("%s %s", language, question.id()).isNotBlank();
                for (Option option : question.options()) {
                    assertThat(texts.optionLabel(question.id(), option.id()))
                            .as("%s %s.%s", language, question.id(), option.id()).isNotBlank();
                }
            }
        }
        assertThat(q.texts("en").languageName()).isEqualTo("English");
        assertThat(q.texts("hi").languageName()).isEqualTo("हिंदी");
        assertThat(q.texts("hi").questionText("when")).isEqualTo("पुलिस कब आई?");
    }

    @Test
    void refusesALanguageItDoesNotHave() {
        Questionnaire q = tiny();

        assertThat(q.supports("mr")).isFalse();
        assertThatThrownBy(() -> q.texts("mr")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mr");
    }

    @Test
    void shortLabelFallsBackToTheQuestionText() {
        Texts en = tiny().texts("en");

        assertThat(en.shortLabel("adult")).isEqualTo("18 or older");
        assertThat(en.shortLabel("state")).isEqualTo("In which state?");
    }

    @Test
    void requireMessagesNamesTheMessagesTheBotNeedsButTheQuestionnaireLacks() {
        Questionnaire q = tiny();

        assertThatNoException().isThrownBy(() -> q.requireMessages(List.of("choose_language", "receipt")));
        assertThatThrownBy(() -> q.requireMessages(List.of("receipt", "button_skip", "button_back")))
                .isInstanceOfSatisfying(QuestionnaireException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(EN);
                            assertThat(p.path()).isEqualTo("messages");
                            assertThat(p.reason()).contains("button_back, button_skip").doesNotContain("receipt");
                        }));
    }

    @Test
    void loadsTheSameFolderFromDisk(@TempDir Path folder) throws IOException {
        TinyQuestionnaire tiny = TinyQuestionnaire.valid();
        Files.createDirectories(folder.resolve("text"));
        for (String name : List.of(STRUCTURE, EN, HI)) {
            Files.writeString(folder.resolve(name), tiny.file(name), StandardCharsets.UTF_8);
        }

        Questionnaire q = QuestionnaireLoader.load(folder);

        assertThat(q.questions()).extracting(Question::id).isEqualTo(tiny().questions().stream().map(Question::id).toList());
        assertThat(q.texts("hi").questionText("where")).isEqualTo("आपको कहाँ ले जाया गया?");
    }
}
