package org.gawahi.config.questionnaire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of the questionnaire.
 *
 * @param skip      whether the engine offers "Skip"
 * @param dontKnow  whether the engine offers "Don't know"
 * @param sensitive reports use the stricter suppression threshold for it
 * @param yearsBack for month_year: how many years before this one to offer
 * @param maxLength for text: the most characters kept
 */
public record Question(
        String id,
        String sectionId,
        QuestionKind kind,
        boolean skip,
        boolean dontKnow,
        boolean sensitive,
        Optional<Condition> showIf,
        List<Option> options,
        int yearsBack,
        int maxLength) {

    /** The ceiling for free text, whatever a questionnaire asks for. */
    public static final int MAX_TEXT_LENGTH = 1000;

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(showIf, "showIf");
        options = List.copyOf(options);
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
