package org.gawahi.config.questionnaire;

import java.util.List;
import java.util.stream.Collectors;

/** A questionnaire that cannot be used, with every problem found: file, path inside it, reason. */
public final class QuestionnaireException extends RuntimeException {

    /** One problem: {@code text/mr.yaml: questions.q5.options.day: missing translation}. */
    public record Problem(String file, String path, String reason) {
        @Override
        public String toString() {
            return file + ": " + (path.isEmpty() ? "" : path + ": ") + reason;
        }
    }

    private final List<Problem> problems;

    public QuestionnaireException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return "the questionnaire cannot be used (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
