package org.gawahi.bot.interview;

import java.time.Clock;

import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;

/** The one {@link AnswerKind} of each kind of question, built once per engine. */
final class AnswerKinds {
    private final SingleChoice single;
    private final MultiChoice multi;
    private final NumberBand numberBand;
    private final MonthYear monthYear;
    private final FreeText text;
    private final InfoNote info;

    AnswerKinds(Questionnaire questionnaire, Flow flow, Clock clock) {
        ChoiceOptions options = new ChoiceOptions(questionnaire, flow);
        this.single = new SingleChoice(options);
        this.multi = new MultiChoice(options);
        this.numberBand = new NumberBand(options, single);
        this.monthYear = new MonthYear(clock);
        this.text = new FreeText();
        this.info = new InfoNote();
    }

    AnswerKind of(Question q) {
        return switch (q.kind()) {
            case SINGLE -> single;
            case MULTI -> multi;
            case NUMBER_BAND -> numberBand;
            case MONTH_YEAR -> monthYear;
            case TEXT -> text;
            case INFO -> info;
        };
    }
}
