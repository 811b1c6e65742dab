package org.gawahi.config.questionnaire;

import java.util.Objects;

/**
 * A legal rule (or a published baseline) an indicator speaks to. The citation is the legal
 * reference as written in English; what the rule requires, in plain words, is in
 * {@code report/<lang>.yaml}.
 */
public record Safeguard(String id, String citation) {
    public Safeguard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
    }
}
