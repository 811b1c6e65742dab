package org.gawahi.config.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/** What a person does to answer a question. See QUESTIONNAIRE.md. */
public enum QuestionKind {
    SINGLE("single"),
    MULTI("multi"),
    MONTH_YEAR("month_year"),
    NUMBER_BAND("number_band"),
    TEXT("text"),
    INFO("info");

    private final String yamlName;

    QuestionKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTI || this == NUMBER_BAND;
    }

    static Optional<QuestionKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }
}
