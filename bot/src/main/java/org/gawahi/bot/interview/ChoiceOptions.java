package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawahi.bot.interview.Screen.Button;
import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.OptionAction;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/** What the kinds answered by an option share: which options are offered, found, typed and named. */
final class ChoiceOptions {
    private final Questionnaire questionnaire;
    private final Flow flow;

    ChoiceOptions(Questionnaire questionnaire, Flow flow) {
        this.questionnaire = questionnaire;
        this.flow = flow;
    }

    /** The options offered now: those whose condition the answers so far meet. */
    List<Option> shown(Draft draft, Question q) {
        return questionnaire.shownOptions(q, flow.answersView(draft));
    }

    /** The offered option with this id; a hidden or unknown one is not pressable. */
    Optional<Option> shown(Draft draft, Question q, String optionId) {
        return shown(draft, q).stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** What she answered before, marked again (in {@link Draft#pending}) as she arrives. */
    void markAnsweredBefore(Draft draft, Question q) {
        List<String> before = draft.answers.getOrDefault(q.id(), List.of());
        before.stream().filter(id -> q.option(id).isPresent()).forEach(draft.pending::add);
    }

    /**
     * Lets a person answer by typing an option's number (as the terminal shows them) or its
     * label. Options that end or leave the interview are not reachable by typing: a stray
     * digit must never end someone's testimony.
     */
    Optional<Option> byTyping(Draft draft, Question q, String raw, Texts t) {
        List<Option> shown = shown(draft, q);
        String typed = raw.strip();
        Optional<Long> n = TypedNumbers.parse(typed);
        Optional<Option> match;
        if (n.isPresent() && n.get() >= 1 && n.get() <= shown.size()) {
            match = Optional.of(shown.get((int) (n.get() - 1)));
        } else {
            match = shown.stream().filter(o -> t.optionLabel(q.id(), o.id()).equalsIgnoreCase(typed)).findFirst();
        }
        return match.filter(o -> o.action() == OptionAction.CONTINUE);
    }

    /** One button per offered option, one a row. */
    List<List<Button>> rows(Draft draft, Question q, Texts t) {
        List<List<Button>> rows = new ArrayList<>();
        for (Option o : shown(draft, q)) {
            rows.add(List.of(button(q, o, t.optionLabel(q.id(), o.id()))));
        }
        return rows;
    }

    static Button button(Question q, Option o, String label) {
        return Screens.button(ButtonId.ANSWER, q.id(), o.id(), label);
    }

    /** The chosen options' labels, or "no answer" when none of them is an option of the question. */
    static String label(Question q, List<String> answer, Texts t) {
        List<String> labels = new ArrayList<>();
        for (String optionId : answer) {
            q.option(optionId).ifPresent(o -> labels.add(t.optionLabel(q.id(), o.id())));
        }
        return labels.isEmpty() ? t.message("answer_none")
                : Screens.truncate(String.join(", ", labels), Screens.MAX_ANSWER_IN_REVIEW);
    }
}
