package org.gawahi.config.questionnaire;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a questionnaire, so an editor sees them all at once. */
final class Problems {
    private final List<QuestionnaireException.Problem> found = new ArrayList<>();

    void add(String file, String path, String reason) {
        found.add(new QuestionnaireException.Problem(file, path, reason));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new QuestionnaireException(found);
        }
    }
}
