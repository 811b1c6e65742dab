package org.gawahi.bot.moderation;

import java.util.Optional;

import org.gawahi.bot.buttons.ButtonData;
import org.gawahi.bot.buttons.Namespace;

/**
 * The desk's buttons, typed: review actions in the {@link Namespace#MODERATION} namespace, a
 * message back and closing a case in {@link Namespace#CONTACT}. Every argument list ends with
 * the testimony id, except {@link #NEXT}'s, which is empty.
 */
enum DeskAction {
    NEXT(Namespace.MODERATION, "n"),
    APPROVE(Namespace.MODERATION, "a"),
    REJECT(Namespace.MODERATION, "r"),
    /** Its arguments: the reason's index, then the testimony id. */
    REJECT_FOR(Namespace.MODERATION, "rr"),
    BACK(Namespace.MODERATION, "b"),
    URGENT(Namespace.MODERATION, "u"),
    REDACT(Namespace.MODERATION, "e"),
    /** Its arguments: the index of the free-text question, then the testimony id. */
    REDACT_QUESTION(Namespace.MODERATION, "eq"),
    LINK(Namespace.MODERATION, "l"),
    LINK_NEW(Namespace.MODERATION, "ln"),
    /** Its arguments: the first 16 hex digits of the raid event's id, then the testimony id. */
    LINK_TO(Namespace.MODERATION, "ll"),
    SKIP(Namespace.MODERATION, "s"),
    CONTACT(Namespace.CONTACT, "c"),
    CLOSE(Namespace.CONTACT, "x"),
    CLOSE_CONFIRMED(Namespace.CONTACT, "xx");

    private final Namespace namespace;
    private final String code;

    DeskAction(Namespace namespace, String code) {
        this.namespace = namespace;
        this.code = code;
    }

    /** The data for this action's button. */
    String data(String... arguments) {
        return ButtonData.of(namespace, code, arguments).data();
    }

    static boolean isDesks(Namespace namespace) {
        return namespace == Namespace.MODERATION || namespace == Namespace.CONTACT;
    }

    static Optional<DeskAction> of(ButtonData button) {
        for (DeskAction action : values()) {
            if (action.namespace == button.namespace() && action.code.equals(button.action())) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
