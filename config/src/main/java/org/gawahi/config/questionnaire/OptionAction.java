package org.gawahi.config.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/** What choosing an option does beyond recording it; consent questions need these. */
public enum OptionAction {
    /** Record the answer and go on (the default). */
    CONTINUE("continue"),
    /** Keep the draft and tell the person how to come back. */
    PAUSE("pause"),
    /** Erase everything and leave one innocuous line. */
    QUICK_EXIT("quick_exit"),
    /** Erase the draft, show the option's message, and end without a testimony. */
    END("end"),
    /** Show the option's message above the same question again. */
    EXPLAIN("explain");

    private final String yamlName;

    OptionAction(String yamlName) {
        this.yamlName = yamlName;
    }

    public boolean needsMessage() {
        return this == END || this == EXPLAIN;
    }

    static Optional<OptionAction> fromYaml(String name) {
        return Arrays.stream(values()).filter(a -> a.yamlName.equals(name)).findFirst();
    }
}
