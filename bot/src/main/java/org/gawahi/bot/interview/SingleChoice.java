package org.gawahi.bot.interview;

import java.util.List;
import java.util.Optional;

import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Texts;

/**
 * {@code single}: one option, one press. An option may do more than answer: pause, leave at
 * once, end the interview with a message, or explain itself and stay.
 */
final class SingleChoice implements AnswerKind {
    private final ChoiceOptions options;

    SingleChoice(ChoiceOptions options) {
        this.options = options;
    }

    @Override
    public void arrive(Draft draft, Question q) {
        options.markAnsweredBefore(draft, q);
    }

    @Override
    public Part render(Draft draft, Question q, Texts t) {
        return new Part("", options.rows(draft, q, t), Navigation.FULL);
    }

    @Override
    public Optional<Move> press(Draft draft, Question q, ButtonId button, Texts t) {
        if (!button.kind().equals(ButtonId.ANSWER)) {
            return Optional.empty();
        }
        return options.shown(draft, q, button.argument()).map(o -> chose(o, t));
    }

    /** What pressing this option does. */
    static Move chose(Option o, Texts t) {
        return switch (o.action()) {
            case CONTINUE -> new Move.Answered(List.of(o.id()));
            case PAUSE -> new Move.Pause();
            case QUICK_EXIT -> new Outcome.QuickExit();
            case END -> new Outcome.End(o.message().orElseThrow());
            case EXPLAIN -> new Move.Notice(t.message(o.message().orElseThrow()));
        };
    }

    /** Its number or its label; only an option that simply answers can be typed. */
    @Override
    public Move type(Draft draft, Question q, String typed, Texts t) {
        return options.byTyping(draft, q, typed, t).<Move>map(o -> new Move.Answered(List.of(o.id())))
                .orElseGet(() -> new Move.Notice(t.message("use_buttons")));
    }

    @Override
    public String label(Question q, List<String> answer, Texts t) {
        return ChoiceOptions.label(q, answer, t);
    }
}
