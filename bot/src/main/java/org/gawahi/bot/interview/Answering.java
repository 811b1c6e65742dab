package org.gawahi.bot.interview;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/**
 * Moves a draft through its questions. A press or typed text on a question becomes a
 * {@link Move} (the question's {@link AnswerKind} reads its own buttons and typing, the
 * navigation row is the same for all), and {@link #apply} carries every move out: record and go
 * on, stay, go back, pause, leave. Around the questions: begin, review edits, pause, resume, erase.
 */
final class Answering {
    private final Questionnaire questionnaire;
    private final Flow flow;
    private final Screens screens;
    private final AnswerKinds kinds;

    Answering(Questionnaire questionnaire, Flow flow, Screens screens, AnswerKinds kinds) {
        this.questionnaire = questionnaire;
        this.flow = flow;
        this.screens = screens;
        this.kinds = kinds;
    }

    Screen begin(Draft d) {
        d.history.clear();
        d.editing = false;
        d.returnStage = null;
        Optional<Question> first = flow.first();
        if (first.isEmpty()) {
            d.stage = Draft.Stage.REVIEW;
            return screens.render(d);
        }
        return arrive(d, first.get());
    }

    /** Shows a question, with what was answered before already marked. */
    private Screen arrive(Draft d, Question q) {
        d.stage = Draft.Stage.QUESTION;
        d.current = q.id();
        d.pendingYear = null;
        d.pending = new LinkedHashSet<>();
        kinds.of(q).arrive(d, q);
        return screens.render(d);
    }

    /** Applies a press on the question on screen; empty when the press is not valid for it. */
    Optional<Outcome> press(Draft d, ButtonId b) {
        if (d.stage != Draft.Stage.QUESTION) {
            return Optional.empty();
        }
        Question q = questionnaire.question(d.current).orElseThrow();
        Optional<Move> move = b.kind().equals(ButtonId.NAV) ? navigation(d, q, b)
                : kinds.of(q).press(d, q, b, screens.texts(d));
        return move.map(m -> apply(d, q, m));
    }

    /** The row under every question, and the typed commands that stand for it. */
    private Optional<Move> navigation(Draft d, Question q, ButtonId b) {
        return switch (b.argument()) {
            case "skip" -> q.skip() ? Optional.of(new Move.Answered(List.of(Draft.SKIP))) : Optional.empty();
            case "dk" -> q.dontKnow() ? Optional.of(new Move.Answered(List.of(Draft.DONT_KNOW))) : Optional.empty();
            case "back" -> Optional.of(new Move.Back());
            case "pause" -> Optional.of(new Move.Pause());
            case "erase" -> Optional.of(new Outcome.Erase());
            default -> kinds.of(q).press(d, q, b, screens.texts(d)); // an info screen's Continue
        };
    }

    /** Typed text: the answer to a text or number question, or a label or number for a button. */
    Outcome text(Draft d, String raw) {
        if (d.stage != Draft.Stage.QUESTION) {
            return new Outcome.Show(screens.render(d).withNotice(screens.texts(d).message("use_buttons")));
        }
        Question q = questionnaire.question(d.current).orElseThrow();
        return apply(d, q, kinds.of(q).type(d, q, raw, screens.texts(d)));
    }

    /** The stage machine of a question: where each move on it leads. */
    Outcome apply(Draft d, Question q, Move move) {
        if (move instanceof Move.Answered answered) {
            d.texts.remove(q.id());
            d.answers.put(q.id(), JitShapes.answer(answered.values()));
            return show(advance(d, q));
        }
        if (move instanceof Move.Wrote wrote) {
            d.answers.remove(q.id());
            d.texts.put(q.id(), wrote.text());
            Screen next = advance(d, q);
            return show(wrote.masked() ? next.withNotice(screens.texts(d).message("text_masked")) : next);
        }
        if (move instanceof Move.Read) {
            return show(advance(d, q));
        }
        if (move instanceof Move.Redraw) {
            return show(screens.render(d));
        }
        if (move instanceof Move.Notice notice) {
            return show(screens.render(d).withNotice(notice.text()));
        }
        if (move instanceof Move.Back) {
            return show(kinds.of(q).stepBack(d) ? screens.render(d) : back(d));
        }
        if (move instanceof Move.Pause) {
            return show(pause(d));
        }
        if (move instanceof Outcome leaving) {
            return leaving; // QuickExit, End, Erase: the interview carries them out
        }
        throw new IllegalStateException("a move without a way: " + move.getClass().getSimpleName());
    }

    private static Outcome show(Screen screen) {
        return new Outcome.Show(screen);
    }

    /** Goes to the next shown question, or to the review when none is left. */
    private Screen advance(Draft d, Question from) {
        d.history.add(from.id());
        Optional<Question> next = flow.next(from.id(), d, d.editing);
        if (next.isPresent()) {
            return arrive(d, next.get());
        }
        d.editing = false;
        d.stage = Draft.Stage.REVIEW;
        return screens.render(d);
    }

    private Screen back(Draft d) {
        if (d.editing) {
            d.editing = false;
            d.stage = Draft.Stage.REVIEW;
            return screens.render(d);
        }
        return goToPrevious(d);
    }

    private Screen goToPrevious(Draft d) {
        while (!d.history.isEmpty()) {
            String previous = d.history.remove(d.history.size() - 1);
            Optional<Question> q = questionnaire.question(previous).filter(x -> flow.isShown(x, d));
            if (q.isPresent()) {
                return arrive(d, q.get());
            }
        }
        d.returnStage = null;
        d.stage = Draft.Stage.LANGUAGE;
        return screens.language(d.language);
    }

    Screen backFromReview(Draft d) {
        return goToPrevious(d);
    }

    Screen edit(Draft d, String questionId) {
        Optional<Question> q = screens.reviewable(d).stream().filter(x -> x.id().equals(questionId)).findFirst();
        if (q.isEmpty()) {
            return screens.render(d).withNotice(screens.texts(d).message("stale_button"));
        }
        d.editing = true;
        return arrive(d, q.get());
    }

    Screen pause(Draft d) {
        if (d.stage != Draft.Stage.PAUSED) {
            d.returnStage = d.stage;
        }
        d.stage = Draft.Stage.PAUSED;
        return screens.render(d);
    }

    Screen resume(Draft d) {
        Draft.Stage back = d.returnStage == null || d.returnStage == Draft.Stage.PAUSED
                || d.returnStage == Draft.Stage.RESUME ? Draft.Stage.QUESTION : d.returnStage;
        d.returnStage = null;
        if (back == Draft.Stage.QUESTION && (d.current == null || questionnaire.question(d.current).isEmpty())) {
            return begin(d);
        }
        d.stage = back;
        return screens.render(d);
    }

    Screen askErase(Draft d) {
        // From a detour (the pause, the resume prompt, a language change), "No" goes back to
        // where she was before it, which the detour already remembers.
        boolean detour = d.stage == Draft.Stage.PAUSED || d.stage == Draft.Stage.RESUME
                || d.stage == Draft.Stage.LANGUAGE && d.returnStage != null;
        if (d.stage != Draft.Stage.ERASE_CONFIRM && !detour) {
            d.returnStage = d.stage;
        }
        d.stage = Draft.Stage.ERASE_CONFIRM;
        return screens.render(d);
    }

    Screen cancelErase(Draft d) {
        return resume(d);
    }
}
