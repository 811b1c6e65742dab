package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;

/**
 * Which questions a draft shows, and in what order. Answers count only while their
 * question is shown: a person who goes back and changes "children present" to "no" must
 * not have her children's answers open later questions or reach the sealed record.
 */
final class Flow {
    private final Questionnaire questionnaire;

    Flow(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /**
     * The effective answers of a draft's answers: computed once, then reused by every screen
     * of the turn until the answers change (compared with a copy, so changes made in place
     * count too).
     */
    record Effective(Map<String, List<String>> of, Map<String, List<String>> answers,
                     Choices choices, List<Question> shown) {
    }

    /**
     * The options chosen by question id, as conditions read them; the one kind of function the
     * engine hands them (method references and lambdas would each be a class of their own, see
     * {@link JitShapes}). Its sets, the empty one too, are its own: nothing shared between turns.
     */
    static final class Choices implements Function<String, Set<String>> {
        private final Map<String, Set<String>> byQuestion = new HashMap<>();
        private final Set<String> none = JitShapes.chosen(List.of());

        @Override
        public Set<String> apply(String questionId) {
            return byQuestion.getOrDefault(questionId, none);
        }
    }

    /**
     * The answers of shown questions only, computed in questionnaire order, each without the
     * options that earlier answers now hide (a district of the state she answered before she
     * changed it); an answer left with nothing counts as unanswered.
     */
    Map<String, List<String>> effectiveAnswers(Draft draft) {
        return effective(draft).answers();
    }

    private Effective effective(Draft draft) {
        Effective known = draft.effective;
        if (known != null && known.of().equals(draft.answers)) {
            return known;
        }
        Effective computed = inOnePassForTheJit(draft);
        draft.effective = computed;
        return computed;
    }

    /**
     * One pass in questionnaire order: a condition looks only at earlier questions (the validator
     * sees to it), so what is chosen so far is all it can depend on. Plain loops and one class of
     * each collection ({@link JitShapes}): this is the engine's hottest method, and the JIT
     * compiled its earlier form (streams, Optional lambdas, sets of varying classes) again and
     * again, a second each time (docs/PERFORMANCE.md, "Under load"; measure with EngineBenchmark).
     */
    private Effective inOnePassForTheJit(Draft draft) {
        Map<String, List<String>> effective = new HashMap<>();
        Choices sofar = new Choices();
        List<Question> shown = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            if (!questionnaire.isShown(q, sofar)) {
                continue;
            }
            shown.add(q);
            List<String> answer = draft.answers.get(q.id());
            if (answer != null) {
                List<String> offered = stillOffered(q, answer, sofar);
                if (!offered.isEmpty()) {
                    effective.put(q.id(), List.copyOf(offered));
                    sofar.byQuestion.put(q.id(), JitShapes.chosen(offered));
                }
            }
        }
        Map<String, List<String>> snapshot = new HashMap<>();
        for (Map.Entry<String, List<String>> answer : draft.answers.entrySet()) {
            snapshot.put(answer.getKey(), new ArrayList<>(answer.getValue()));
        }
        return new Effective(snapshot, Collections.unmodifiableMap(effective), sofar,
                Collections.unmodifiableList(shown));
    }

    private List<String> stillOffered(Question q, List<String> answer, Function<String, Set<String>> sofar) {
        if (!q.kind().hasOptions()) {
            return answer; // an ArrayList, as every answer the draft holds (JitShapes.answer)
        }
        // A loop, not streams and a set of shown ids: this runs for every answer at every turn.
        List<String> kept = new ArrayList<>(answer.size());
        for (String v : answer) {
            if (v.equals(Draft.SKIP) || v.equals(Draft.DONT_KNOW) || isOfferedOption(q, v, sofar)) {
                kept.add(v);
            }
        }
        return kept;
    }

    private static boolean isOfferedOption(Question q, String optionId, Function<String, Set<String>> sofar) {
        for (Option o : q.options()) {
            if (o.id().equals(optionId)) {
                return o.showIf().isEmpty() || o.showIf().get().holds(sofar);
            }
        }
        return false;
    }

    /** Free-text answers of shown questions only. */
    Map<String, String> effectiveTexts(Draft draft) {
        Effective effective = effective(draft);
        Map<String, String> texts = new HashMap<>();
        for (Map.Entry<String, String> t : draft.texts.entrySet()) {
            questionnaire.question(t.getKey())
                    .filter(q -> questionnaire.isShown(q, effective.choices()))
                    .ifPresent(q -> texts.put(t.getKey(), t.getValue()));
        }
        return texts;
    }

    boolean isShown(Question question, Draft draft) {
        return questionnaire.isShown(question, effective(draft).choices());
    }

    Function<String, Set<String>> answersView(Draft draft) {
        return effective(draft).choices();
    }

    Optional<Question> first() {
        return next(null, new Draft(), false);
    }

    /**
     * The next question after {@code currentId} (or the first when null) that is shown.
     * When {@code unansweredOnly}, questions already answered are passed over: after a
     * change from the review, only questions the change newly opened are asked.
     */
    Optional<Question> next(String currentId, Draft draft, boolean unansweredOnly) {
        Effective effective = effective(draft);
        List<Question> all = questionnaire.questions();
        int start = currentId == null ? 0 : questionnaire.position(currentId) + 1;
        for (int i = start; i < all.size(); i++) {
            Question q = all.get(i);
            boolean answered = effective.answers().containsKey(q.id()) || draft.texts.containsKey(q.id());
            if (questionnaire.isShown(q, effective.choices()) && !(unansweredOnly && answered)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    /** Shown questions, for the progress line and the review; computed with the effective answers. */
    List<Question> shownQuestions(Draft draft) {
        return effective(draft).shown();
    }
}
