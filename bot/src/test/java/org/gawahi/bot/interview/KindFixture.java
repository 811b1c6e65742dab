package org.gawahi.bot.interview;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/** One question kind on its own: the raid questionnaire, a draft set up by hand on a question, her presses. */
final class KindFixture {
    final Questionnaire questionnaire;
    final AnswerKinds kinds;
    final Texts english;

    KindFixture(Path folder) {
        this.questionnaire = RaidQuestionnaire.load(folder);
        this.kinds = new AnswerKinds(questionnaire, new Flow(questionnaire), Conversation.CLOCK);
        this.english = questionnaire.texts("en");
    }

    Question question(String id) {
        return questionnaire.question(id).orElseThrow();
    }

    /** An English draft on {@code questionId}, with these answers given before. */
    Draft onQuestion(String questionId, Map<String, List<String>> answers) {
        Draft d = new Draft();
        d.questionnaire = questionnaire.id();
        d.version = questionnaire.version();
        d.language = "en";
        d.stage = Draft.Stage.QUESTION;
        d.current = questionId;
        answers.forEach((q, values) -> d.answers.put(q, JitShapes.answer(values)));
        return d;
    }

    Draft onQuestion(String questionId) {
        return onQuestion(questionId, Map.of());
    }

    Optional<Move> press(Draft d, String data) {
        Question q = question(d.current);
        return kinds.of(q).press(d, q, ButtonId.parse(data).orElseThrow(), english);
    }

    Move type(Draft d, String typed) {
        Question q = question(d.current);
        return kinds.of(q).type(d, q, typed, english);
    }

    AnswerKind.Part render(Draft d) {
        Question q = question(d.current);
        return kinds.of(q).render(d, q, english);
    }

    String label(String questionId, List<String> answer) {
        Question q = question(questionId);
        return kinds.of(q).label(q, answer, english);
    }

    static List<String> buttonIds(AnswerKind.Part part) {
        return part.rows().stream().flatMap(List::stream).map(Screen.Button::id).toList();
    }

    static List<String> buttonLabels(AnswerKind.Part part) {
        return part.rows().stream().flatMap(List::stream).map(Screen.Button::label).toList();
    }
}
