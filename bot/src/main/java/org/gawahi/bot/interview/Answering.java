package org.gawahi.bot.interview;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.QuestionKind;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/** Moves a draft through its questions: answers, skips, back, pause, review edits. */
final class Answering {

    /** What a press on a question leads to. */
    record Outcome(Kind kind, Screen screen, String message) {
        enum Kind { SHOW, QUICK_EXIT, END, ERASE }

        static Outcome show(Screen screen) {
            return new Outcome(Kind.SHOW, screen, null);
        }
    }

    private final Questionnaire questionnaire;
    private final Flow flow;
    private final Screens screens;
    private final Clock clock;

    Answering(Questionnaire questionnaire, Flow flow, Screens screens, Clock clock) {
        this.questionnaire = questionnaire;
        this.flow = flow;
        this.screens = screens;
        this.clock = clock;
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
        if (q.kind() == QuestionKind.MULTI || q.kind() == QuestionKind.SINGLE || q.kind() == QuestionKind.NUMBER_BAND) {
            List<String> before = d.answers.getOrDefault(q.id(), List.of());
            before.stream().filter(id -> q.option(id).isPresent()).forEach(d.pending::add);
            if (q.kind() == QuestionKind.MULTI) {
                q.options().stream().filter(Option::locked).forEach(o -> d.pending.add(o.id()));
            }
        }
        return screens.render(d);
    }

    /** Applies a press on the question on screen; empty when the press is not valid for it. */
    Optional<Outcome> press(Draft d, ButtonId b) {
        if (d.stage != Draft.Stage.QUESTION) {
            return Optional.empty();
        }
        Question q = questionnaire.question(d.current).orElseThrow();
        return switch (b.kind()) {
            case ButtonId.ANSWER -> answer(d, q, b.argument());
            case ButtonId.DONE -> q.kind() == QuestionKind.MULTI ? Optional.of(Outcome.show(multiDone(d, q))) : Optional.empty();
            case ButtonId.NAV -> nav(d, q, b.argument());
            case ButtonId.YEAR -> year(d, q, b.argument());
            case ButtonId.MONTH -> month(d, q, b.argument());
            default -> Optional.empty();
        };
    }

    private Optional<Outcome> answer(Draft d, Question q, String optionId) {
        Optional<Option> option = questionnaire.shownOptions(q, flow.answersView(d)).stream()
                .filter(o -> o.id().equals(optionId)).findFirst();
        if (option.isEmpty()) {
            return Optional.empty();
        }
        Option o = option.get();
        if (q.kind() == QuestionKind.MULTI) {
            toggle(d, q, o);
            return Optional.of(Outcome.show(screens.render(d)));
        }
        if (q.kind() != QuestionKind.SINGLE && q.kind() != QuestionKind.NUMBER_BAND) {
            return Optional.empty();
        }
        Texts t = screens.texts(d);
        return Optional.of(switch (o.action()) {
            case CONTINUE -> Outcome.show(record(d, q, List.of(o.id())));
            case PAUSE -> Outcome.show(pause(d));
            case QUICK_EXIT -> new Outcome(Outcome.Kind.QUICK_EXIT, null, null);
            case END -> new Outcome(Outcome.Kind.END, null, o.message().orElseThrow());
            case EXPLAIN -> Outcome.show(screens.render(d).withNotice(t.message(o.message().orElseThrow())));
        });
    }

    private void toggle(Draft d, Question q, Option o) {
        if (o.locked()) {
            return;
        }
        if (d.pending.contains(o.id())) {
            d.pending.remove(o.id());
            return;
        }
        if (o.exclusive()) {
            d.pending.removeIf(id -> q.option(id).map(x -> !x.locked()).orElse(true));
        } else {
            d.pending.removeIf(id -> q.option(id).map(Option::exclusive).orElse(true));
        }
        d.pending.add(o.id());
    }

    private Screen multiDone(Draft d, Question q) {
        List<String> chosen = new ArrayList<>();
        for (Option o : questionnaire.shownOptions(q, flow.answersView(d))) {
            if (d.pending.contains(o.id())) {
                chosen.add(o.id());
            }
        }
        boolean onlyLocked = chosen.stream().allMatch(id -> q.option(id).map(Option::locked).orElse(false));
        if (chosen.isEmpty() || onlyLocked && q.options().stream().noneMatch(Option::locked)) {
            return screens.render(d).withNotice(screens.texts(d).message("multi_empty"));
        }
        return record(d, q, chosen);
    }

    private Optional<Outcome> nav(Draft d, Question q, String action) {
        return switch (action) {
            case "skip" -> q.skip() ? Optional.of(Outcome.show(record(d, q, List.of(Draft.SKIP)))) : Optional.empty();
            case "dk" -> q.dontKnow() ? Optional.of(Outcome.show(record(d, q, List.of(Draft.DONT_KNOW)))) : Optional.empty();
            case "continue" -> q.kind() == QuestionKind.INFO ? Optional.of(Outcome.show(advance(d, q))) : Optional.empty();
            case "back" -> Optional.of(Outcome.show(back(d, q)));
            case "pause" -> Optional.of(Outcome.show(pause(d)));
            case "erase" -> Optional.of(new Outcome(Outcome.Kind.ERASE, null, null));
            default -> Optional.empty();
        };
    }

    private Optional<Outcome> year(Draft d, Question q, String argument) {
        Optional<Integer> year = parseYear(q, argument);
        if (q.kind() != QuestionKind.MONTH_YEAR || d.pendingYear != null || year.isEmpty()) {
            return Optional.empty();
        }
        d.pendingYear = year.get();
        return Optional.of(Outcome.show(screens.render(d)));
    }

    private Optional<Outcome> month(Draft d, Question q, String argument) {
        if (q.kind() != QuestionKind.MONTH_YEAR || d.pendingYear == null || !argument.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int month = Integer.parseInt(argument);
        if (month > screens.lastMonth(d.pendingYear)) {
            return Optional.empty();
        }
        String value = month == 0 ? d.pendingYear.toString() : String.format("%d-%02d", d.pendingYear, month);
        return Optional.of(Outcome.show(record(d, q, List.of(value))));
    }

    private Optional<Integer> parseYear(Question q, String typed) {
        String digits = asciiDigits(typed.strip());
        if (!digits.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(digits);
        int thisYear = Year.now(clock).getValue();
        return year <= thisYear && year >= thisYear - q.yearsBack() ? Optional.of(year) : Optional.empty();
    }

    /** Typed text: the answer to a text or number question, or a label or number for a button. */
    Screen text(Draft d, String raw) {
        Texts t = screens.texts(d);
        if (d.stage != Draft.Stage.QUESTION) {
            return screens.render(d).withNotice(t.message("use_buttons"));
        }
        Question q = questionnaire.question(d.current).orElseThrow();
        switch (q.kind()) {
            case TEXT:
                return freeText(d, q, raw, t);
            case NUMBER_BAND: {
                Optional<Long> n = parseNumber(raw);
                if (n.isPresent()) {
                    Optional<Option> band = questionnaire.shownOptions(q, flow.answersView(d)).stream()
                            .filter(o -> o.contains(n.get())).findFirst();
                    if (band.isPresent()) {
                        return record(d, q, List.of(band.get().id()));
                    }
                }
                return screens.render(d).withNotice(t.message("number_not_understood"));
            }
            case MONTH_YEAR: {
                Optional<Integer> year = d.pendingYear == null ? parseYear(q, raw) : Optional.empty();
                if (year.isPresent()) {
                    d.pendingYear = year.get();
                    return screens.render(d);
                }
                return screens.render(d).withNotice(t.message("use_buttons"));
            }
            case SINGLE:
            case MULTI: {
                Optional<Option> typed = optionByTyping(d, q, raw, t);
                if (typed.isPresent()) {
                    return answer(d, q, typed.get().id()).map(Outcome::screen)
                            .filter(java.util.Objects::nonNull)
                            .orElseGet(() -> screens.render(d).withNotice(t.message("use_buttons")));
                }
                return screens.render(d).withNotice(t.message("use_buttons"));
            }
            default:
                return screens.render(d).withNotice(t.message("use_buttons"));
        }
    }

    /**
     * Lets a person answer by typing an option's number (as the terminal shows them) or its
     * label. Options that end or leave the interview are not reachable by typing: a stray
     * digit must never end someone's testimony.
     */
    private Optional<Option> optionByTyping(Draft d, Question q, String raw, Texts t) {
        List<Option> shown = questionnaire.shownOptions(q, flow.answersView(d));
        String typed = raw.strip();
        Optional<Long> n = parseNumber(typed);
        Optional<Option> match = Optional.empty();
        if (n.isPresent() && n.get() >= 1 && n.get() <= shown.size()) {
            match = Optional.of(shown.get((int) (n.get() - 1)));
        } else {
            match = shown.stream().filter(o -> t.optionLabel(q.id(), o.id()).equalsIgnoreCase(typed)).findFirst();
        }
        return match.filter(o -> o.action() == org.gawahi.config.questionnaire.OptionAction.CONTINUE);
    }

    private Screen freeText(Draft d, Question q, String raw, Texts t) {
        TextSanitizer.Result cleaned = new TextSanitizer(q.maxLength()).clean(raw);
        switch (cleaned.problem()) {
            case EMPTY:
                return screens.render(d).withNotice(t.message("text_empty"));
            case TOO_LONG:
                return screens.render(d).withNotice(t.message("text_too_long",
                        Map.of("count", Integer.toString(cleaned.length()), "max", Integer.toString(q.maxLength()))));
            default:
                break;
        }
        d.answers.remove(q.id());
        d.texts.put(q.id(), cleaned.text());
        Screen next = advance(d, q);
        return cleaned.masked() ? next.withNotice(t.message("text_masked")) : next;
    }

    private Screen record(Draft d, Question q, List<String> values) {
        d.texts.remove(q.id());
        // An ArrayList, as a decoded draft holds: the flow reads these at every turn, and two
        // classes of list there cost the JIT a recompilation of it.
        d.answers.put(q.id(), new ArrayList<>(values));
        return advance(d, q);
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

    private Screen back(Draft d, Question q) {
        if (q.kind() == QuestionKind.MONTH_YEAR && d.pendingYear != null) {
            d.pendingYear = null;
            return screens.render(d);
        }
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

    static Optional<Long> parseNumber(String typed) {
        String digits = asciiDigits(typed.strip());
        if (!digits.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    /** Digits of any script (Devanagari, Bengali...) as ASCII; other characters unchanged. */
    static String asciiDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                b.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

}
