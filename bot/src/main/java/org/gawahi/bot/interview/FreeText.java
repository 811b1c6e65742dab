package org.gawahi.bot.interview;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Texts;

/**
 * {@code text}: answered by typing only, cleaned by {@link TextSanitizer} (identifiers masked,
 * at most the question's length) before anything is kept. The typed answer lives in the draft's
 * texts, not its answers.
 */
final class FreeText implements AnswerKind {

    @Override
    public Part render(Draft draft, Question q, Texts t) {
        return new Part("", List.of(), Navigation.FULL);
    }

    /** No buttons of its own: only the navigation. */
    @Override
    public Optional<Move> press(Draft draft, Question q, ButtonId button, Texts t) {
        return Optional.empty();
    }

    @Override
    public Move type(Draft draft, Question q, String typed, Texts t) {
        TextSanitizer.Result cleaned = new TextSanitizer(q.maxLength()).clean(typed);
        return switch (cleaned.problem()) {
            case EMPTY -> new Move.Notice(t.message("text_empty"));
            case TOO_LONG -> new Move.Notice(t.message("text_too_long",
                    Map.of("count", Integer.toString(cleaned.length()), "max", Integer.toString(q.maxLength()))));
            case NONE -> new Move.Wrote(cleaned.text(), cleaned.masked());
        };
    }

    /**
     * A typed answer is labelled from the draft's texts before any kind is asked (see
     * {@link Screens#answerLabel}); an answer list here names no option.
     */
    @Override
    public String label(Question q, List<String> answer, Texts t) {
        return t.message("answer_none");
    }
}
