package org.gawahi.config.questionnaire;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@code show_if} condition over earlier answers. A question that was skipped, answered
 * "don't know", or hidden counts as answered with nothing: {@code any_of} is then false
 * and {@code none_of} true.
 */
public sealed interface Condition {

    /** @param answers option ids chosen for a question id; an empty set when unanswered */
    boolean holds(Function<String, Set<String>> answers);

    /** The question ids this condition looks at. */
    Set<String> questions();

    /** What the engine keeps for "Skip" and "Don't know": kept, but not an answer. */
    Set<String> NOT_ANSWERS = Set.of("_skip", "_dont_know");

    /**
     * The question was answered with something other than Skip or Don't know (an option, a
     * month, a year): the usual denominator of a share. Hidden questions have no answer.
     */
    record Answered(String question) implements Condition {
        @Override
        public boolean holds(Function<String, Set<String>> answers) {
            for (String a : answers.apply(question)) {
                if (!NOT_ANSWERS.contains(a)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> questions() {
            return Set.of(question);
        }
    }

    record AnyOf(String question, Set<String> options) implements Condition {
        public AnyOf {
            options = Set.copyOf(options);
        }

        @Override
        public boolean holds(Function<String, Set<String>> answers) {
            for (String a : answers.apply(question)) { // a loop: reports call this millions of times
                if (options.contains(a)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> questions() {
            return Set.of(question);
        }
    }

    record NoneOf(String question, Set<String> options) implements Condition {
        public NoneOf {
            options = Set.copyOf(options);
        }

        @Override
        public boolean holds(Function<String, Set<String>> answers) {
            for (String a : answers.apply(question)) {
                if (options.contains(a)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<String> questions() {
            return Set.of(question);
        }
    }

    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(Function<String, Set<String>> answers) {
            for (Condition c : conditions) { // loops, not streams: the engine checks these at every turn
                if (!c.holds(answers)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<String> questions() {
            return conditions.stream().flatMap(c -> c.questions().stream()).collect(Collectors.toSet());
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(Function<String, Set<String>> answers) {
            for (Condition c : conditions) {
                if (c.holds(answers)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> questions() {
            return conditions.stream().flatMap(c -> c.questions().stream()).collect(Collectors.toSet());
        }
    }
}
