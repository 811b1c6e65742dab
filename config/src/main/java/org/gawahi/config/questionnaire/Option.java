package org.gawahi.config.questionnaire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One answer a person can choose.
 *
 * @param exclusive choosing it clears the other options of a multi question ("None")
 * @param locked    always chosen and cannot be cleared (the "count it in totals" consent)
 * @param min       lower bound of a number band, inclusive
 * @param max       upper bound of a number band, inclusive; empty means "or more"
 * @param contactInBot choosing it asks for one message back through this chat: her chat id is
 *                  then kept, sealed to the collective key, until that message is sent or the
 *                  case is closed
 */
public record Option(
        String id,
        List<String> tags,
        boolean urgent,
        boolean exclusive,
        boolean locked,
        OptionAction action,
        Optional<String> message,
        Optional<Condition> showIf,
        OptionalInt min,
        OptionalInt max,
        boolean contactInBot) {

    public Option {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(showIf, "showIf");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    /** Whether a typed number falls in this band. */
    public boolean contains(long number) {
        return min.isPresent() && number >= min.getAsInt() && (max.isEmpty() || number <= max.getAsInt());
    }
}
