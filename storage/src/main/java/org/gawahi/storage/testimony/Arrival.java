package org.gawahi.storage.testimony;

import java.util.Objects;
import java.util.Optional;

/**
 * How a testimony arrives, beyond its sealed content.
 *
 * @param urgent          an answer the questionnaire marks urgent: flagged on arrival
 * @param contactLanguage present when she asked for one message back through this chat: the
 *                        language to write its first line in. Her chat is then kept, sealed.
 */
public record Arrival(boolean urgent, Optional<String> contactLanguage) {
    public static final Arrival ORDINARY = new Arrival(false, Optional.empty());

    public Arrival {
        Objects.requireNonNull(contactLanguage, "contactLanguage");
    }

    public static Arrival urgent(boolean urgent) {
        return new Arrival(urgent, Optional.empty());
    }
}
