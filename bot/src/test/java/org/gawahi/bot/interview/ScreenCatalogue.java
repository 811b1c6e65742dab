package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.questionnaire.Condition;
import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.OptionAction;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.QuestionKind;
import org.gawahi.config.questionnaire.Questionnaire;

/**
 * Every screen the engine can draw for one language, built from drafts set up by hand rather
 * than reached by answering: each question (once for every option condition, so that a
 * district of every state is drawn), the month step, the review, and the screens around them.
 */
final class ScreenCatalogue {
    /** A screen and what it is, for the failure message. */
    record Entry(String name, Screen screen) {
    }

    private final Questionnaire questionnaire;
    private final Screens screens;

    ScreenCatalogue(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.screens = new Screens(questionnaire, new Flow(questionnaire), Conversation.CLOCK);
    }

    List<Entry> everyScreen(String language) {
        List<Entry> all = new ArrayList<>();
        all.add(new Entry("language choice", screens.language(language)));
        for (Question q : questionnaire.questions()) {
            all.addAll(questionScreens(q, language));
        }
        for (Draft.Stage stage : List.of(Draft.Stage.REVIEW, Draft.Stage.REVIEW_PICK, Draft.Stage.ERASE_CONFIRM,
                Draft.Stage.PAUSED, Draft.Stage.RESUME)) {
            Draft d = answeredDraft(language);
            d.stage = stage;
            all.add(new Entry(stage.name().toLowerCase(java.util.Locale.ROOT), screens.render(d)));
        }
        Draft skipped = draft(language);
        skipped.stage = Draft.Stage.REVIEW;
        questionnaire.questions().stream().filter(Question::skip).forEach(q -> skipped.answers.put(q.id(), List.of(Draft.SKIP)));
        all.add(new Entry("review, all skipped", screens.render(skipped)));
        Draft dontKnow = draft(language);
        dontKnow.stage = Draft.Stage.REVIEW;
        questionnaire.questions().stream().filter(Question::dontKnow)
                .forEach(q -> dontKnow.answers.put(q.id(), List.of(Draft.DONT_KNOW)));
        all.add(new Entry("review, all don't know", screens.render(dontKnow)));
        return all;
    }

    /** A question drawn once per option condition, with every option ticked, and a date's month step. */
    List<Entry> questionScreens(Question q, String language) {
        List<Map<String, List<String>>> variants = new ArrayList<>();
        variants.add(satisfying(q.showIf(), Optional.empty()));
        for (Option o : q.options()) {
            o.showIf().ifPresent(c -> variants.add(satisfying(q.showIf(), Optional.of(c))));
        }
        List<Entry> drawn = new ArrayList<>();
        for (Map<String, List<String>> answers : variants) {
            Draft d = draft(language);
            d.stage = Draft.Stage.QUESTION;
            d.current = q.id();
            d.answers.putAll(answers);
            q.options().forEach(o -> d.pending.add(o.id()));
            drawn.add(new Entry(q.id() + " with " + answers, screens.render(d)));
            if (q.kind() == QuestionKind.MONTH_YEAR) {
                d.pendingYear = Conversation.CLOCK.instant().atZone(Conversation.CLOCK.getZone()).getYear() - 1;
                drawn.add(new Entry(q.id() + ", month step", screens.render(d)));
            }
        }
        return drawn;
    }

    /** Answers to every question, as full as they go: for the review and its neighbours. */
    Draft answeredDraft(String language) {
        Draft d = draft(language);
        for (Question q : questionnaire.questions()) {
            switch (q.kind()) {
                case SINGLE, NUMBER_BAND -> q.options().stream().filter(o -> o.action() == OptionAction.CONTINUE)
                        .findFirst().ifPresent(o -> d.answers.put(q.id(), List.of(o.id())));
                case MULTI -> d.answers.put(q.id(), q.options().stream().filter(o -> !o.exclusive()).map(Option::id).toList());
                case MONTH_YEAR -> d.answers.put(q.id(), List.of("2025-03"));
                case TEXT -> d.texts.put(q.id(), "words");
                case INFO -> {
                    // nothing to keep
                }
            }
        }
        d.current = questionnaire.questions().get(questionnaire.questions().size() - 1).id();
        return d;
    }

    private Draft draft(String language) {
        Draft d = new Draft();
        d.questionnaire = questionnaire.id();
        d.version = questionnaire.version();
        d.language = language;
        return d;
    }

    /** Answers under which both conditions hold (none_of holds with no answer at all). */
    private static Map<String, List<String>> satisfying(Optional<Condition> first, Optional<Condition> second) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        first.ifPresent(c -> satisfy(c, answers));
        second.ifPresent(c -> satisfy(c, answers));
        return answers;
    }

    private static void satisfy(Condition condition, Map<String, List<String>> answers) {
        if (condition instanceof Condition.AnyOf a) {
            answers.put(a.question(), List.of(a.options().stream().sorted().findFirst().orElseThrow()));
        } else if (condition instanceof Condition.All all) {
            all.conditions().forEach(c -> satisfy(c, answers));
        } else if (condition instanceof Condition.Any any && !any.conditions().isEmpty()) {
            satisfy(any.conditions().get(0), answers);
        }
    }
}
