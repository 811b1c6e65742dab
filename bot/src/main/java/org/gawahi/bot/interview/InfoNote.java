package org.gawahi.bot.interview;

import java.util.List;
import java.util.Optional;

import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Texts;

/** {@code info}: words to read (a consent, a warning) and Continue; nothing is recorded. */
final class InfoNote implements AnswerKind {

    @Override
    public Part render(Draft draft, Question q, Texts t) {
        return new Part("", List.of(List.of(Screens.button(ButtonId.NAV, q.id(), "continue",
                t.message("button_continue")))), Navigation.FULL);
    }

    @Override
    public Optional<Move> press(Draft draft, Question q, ButtonId button, Texts t) {
        return button.kind().equals(ButtonId.NAV) && button.argument().equals("continue")
                ? Optional.of(new Move.Read()) : Optional.empty();
    }

    @Override
    public Move type(Draft draft, Question q, String typed, Texts t) {
        return new Move.Notice(t.message("use_buttons"));
    }

    /** Never on the review; like any question without options, it names none. */
    @Override
    public String label(Question q, List<String> answer, Texts t) {
        return t.message("answer_none");
    }
}
