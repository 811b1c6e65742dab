package org.gawahi.config.settings;

import java.util.List;

/** Settings that cannot be used: every problem, each naming the variable and what it accepts. */
public final class SettingsException extends RuntimeException {
    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super("The settings cannot be used:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
