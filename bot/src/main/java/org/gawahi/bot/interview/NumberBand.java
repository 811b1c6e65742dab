package org.gawahi.bot.interview;

import java.util.List;
import java.util.Optional;

import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Texts;

/**
 * {@code number_band}: pressed like {@code single}, one band; or a number typed, in any script,
 * which records the offered band it falls in.
 */
final class NumberBand implements AnswerKind {
    private final ChoiceOptions options;
    private final SingleChoice pressed;

    NumberBand(ChoiceOptions options, SingleChoice pressed) {
        this.options = options;
        this.pressed = pressed;
    }

    @Override
    public void arrive(Draft draft, Question q) {
        pressed.arrive(draft, q);
    }

    @Override
    public Part render(Draft draft, Question q, Texts t) {
        return pressed.render(draft, q, t);
    }

    @Override
    public Optional<Move> press(Draft draft, Question q, ButtonId button, Texts t) {
        return pressed.press(draft, q, button, t);
    }

    @Override
    public Move type(Draft draft, Question q, String typed, Texts t) {
        Optional<Long> n = TypedNumbers.parse(typed);
        if (n.isPresent()) {
            for (Option band : options.shown(draft, q)) {
                if (band.contains(n.get())) {
                    return new Move.Answered(List.of(band.id()));
                }
            }
        }
        return new Move.Notice(t.message("number_not_understood"));
    }

    @Override
    public String label(Question q, List<String> answer, Texts t) {
        return ChoiceOptions.label(q, answer, t);
    }
}
