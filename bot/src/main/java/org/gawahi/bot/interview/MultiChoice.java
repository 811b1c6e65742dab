package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawahi.bot.interview.Screen.Button;
import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Texts;

/**
 * {@code multi}: options ticked and unticked (in {@link Draft#pending}), then Done. An exclusive
 * option ("None") clears the others and is cleared by them; a locked one (the consent to be
 * counted) is always ticked and cannot be cleared.
 */
final class MultiChoice implements AnswerKind {
    private final ChoiceOptions options;

    MultiChoice(ChoiceOptions options) {
        this.options = options;
    }

    @Override
    public void arrive(Draft draft, Question q) {
        options.markAnsweredBefore(draft, q);
        q.options().stream().filter(Option::locked).forEach(o -> draft.pending.add(o.id()));
    }

    @Override
    public Part render(Draft draft, Question q, Texts t) {
        List<List<Button>> rows = new ArrayList<>();
        for (Option o : options.shown(draft, q)) {
            String label = t.optionLabel(q.id(), o.id());
            if (draft.pending.contains(o.id())) {
                label = t.message("selected_mark") + " " + label;
            }
            rows.add(List.of(ChoiceOptions.button(q, o, label)));
        }
        rows.add(List.of(Screens.button(ButtonId.DONE, q.id(), "done", t.message("button_done"))));
        return new Part("\n\n" + t.message("multi_hint"), rows, Navigation.FULL);
    }

    @Override
    public Optional<Move> press(Draft draft, Question q, ButtonId button, Texts t) {
        return switch (button.kind()) {
            case ButtonId.ANSWER -> options.shown(draft, q, button.argument()).map(o -> toggle(draft, q, o));
            case ButtonId.DONE -> Optional.of(done(draft, q, t));
            default -> Optional.empty();
        };
    }

    /** Its number or its label ticks or unticks it, as a press would. */
    @Override
    public Move type(Draft draft, Question q, String typed, Texts t) {
        return options.byTyping(draft, q, typed, t).map(o -> toggle(draft, q, o))
                .orElseGet(() -> new Move.Notice(t.message("use_buttons")));
    }

    private static Move toggle(Draft draft, Question q, Option o) {
        if (o.locked()) {
            return new Move.Redraw();
        }
        if (draft.pending.contains(o.id())) {
            draft.pending.remove(o.id());
            return new Move.Redraw();
        }
        if (o.exclusive()) {
            draft.pending.removeIf(id -> q.option(id).map(x -> !x.locked()).orElse(true));
        } else {
            draft.pending.removeIf(id -> q.option(id).map(Option::exclusive).orElse(true));
        }
        draft.pending.add(o.id());
        return new Move.Redraw();
    }

    /** The ticked options still offered, in the questionnaire's order; with none ticked, a notice. */
    private Move done(Draft draft, Question q, Texts t) {
        List<String> chosen = new ArrayList<>();
        for (Option o : options.shown(draft, q)) {
            if (draft.pending.contains(o.id())) {
                chosen.add(o.id());
            }
        }
        boolean onlyLocked = chosen.stream().allMatch(id -> q.option(id).map(Option::locked).orElse(false));
        if (chosen.isEmpty() || onlyLocked && q.options().stream().noneMatch(Option::locked)) {
            return new Move.Notice(t.message("multi_empty"));
        }
        return new Move.Answered(chosen);
    }

    @Override
    public String label(Question q, List<String> answer, Texts t) {
        return ChoiceOptions.label(q, answer, t);
    }
}
