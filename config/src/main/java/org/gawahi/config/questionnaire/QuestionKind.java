package org.gawahi.config.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/** What a person does to answer a question. See QUESTIONNAIRE.md. */
public enum QuestionKind {
    SINGLE("single", true),
    MULTI("multi", true),
    MONTH_YEAR("month_year", false),
    NUMBER_BAND("number_band", true),
    TEXT("text", false),
    INFO("info", false);

    private final String yamlName;
    /** A field, not comparisons: the engine asks at every turn, and new branches cost the JIT a recompilation. */
    private final boolean hasOptions;

    QuestionKind(String yamlName, boolean hasOptions) {
        this.yamlName = yamlName;
        this.hasOptions = hasOptions;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean hasOptions() {
        return hasOptions;
    }

    static Optional<QuestionKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }
}
