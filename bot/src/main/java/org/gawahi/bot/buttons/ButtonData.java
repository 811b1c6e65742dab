package org.gawahi.bot.buttons;

import java.util.List;
import java.util.Objects;

/**
 * A button's data, read: its namespace, its action, and the action's arguments (ids, indexes).
 * The interview's action is its kind, the first part ({@code a}, {@code m}...); any other
 * namespace's action is the part after its letter.
 */
public record ButtonData(Namespace namespace, String action, List<String> arguments) {
    public ButtonData {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(action, "action");
        arguments = List.copyOf(arguments);
    }

    public static ButtonData of(Namespace namespace, String action, String... arguments) {
        return new ButtonData(namespace, action, List.of(arguments));
    }

    /** The last argument, which names what the button acts on (a testimony id, an option). */
    public String subject() {
        return arguments.isEmpty() ? "" : arguments.get(arguments.size() - 1);
    }

    /** The data to put on the button; see {@link ButtonCodec#encode}. */
    public String data() {
        return ButtonCodec.encode(this);
    }
}
