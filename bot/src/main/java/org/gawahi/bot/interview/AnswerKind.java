package org.gawahi.bot.interview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.bot.interview.Screen.Button;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Texts;

/**
 * One kind of question ({@code single}, {@code multi}, {@code month_year}, {@code number_band},
 * {@code text}, {@code info} in the questionnaire): how it is drawn, what a press and typed text
 * mean on it, and the words for its answer on the review. The navigation around it (skip, don't
 * know, back, pause, erase) and where she goes next are the same for every kind: {@link Screens}
 * draws them, {@link Answering} moves her. A new kind is a class here and a case in
 * {@link AnswerKinds}.
 */
sealed interface AnswerKind permits SingleChoice, MultiChoice, NumberBand, MonthYear, FreeText, InfoNote {

    /** The part of the question screen below the question's text. */
    record Part(String text, List<List<Button>> rows, Navigation navigation) {
        public Part {
            Objects.requireNonNull(text, "text");
            rows = List.copyOf(rows);
            Objects.requireNonNull(navigation, "navigation");
        }
    }

    /** Which navigation the screen has below the kind's own buttons. */
    enum Navigation {
        /** Skip and don't know where the question allows them, then back, pause and erase. */
        FULL,
        /** Only back: an inner step of the question (the month after the year). */
        BACK_ONLY
    }

    /** Arriving at the question: what she answered before is marked again. */
    default void arrive(Draft draft, Question q) {
    }

    Part render(Draft draft, Question q, Texts t);

    /** A press of one of the kind's own buttons; empty when it is not valid for the question now. */
    Optional<Move> press(Draft draft, Question q, ButtonId button, Texts t);

    /** Typed text instead of a press: an answer, or a notice saying why not. */
    Move type(Draft draft, Question q, String typed, Texts t);

    /** Back inside the question (true), or nothing to step back over (false). */
    default boolean stepBack(Draft draft) {
        return false;
    }

    /**
     * The words for a recorded answer on the review, one that is neither skipped nor "don't know".
     *
     * @param answer the effective answer, not empty
     */
    String label(Question q, List<String> answer, Texts t);
}
