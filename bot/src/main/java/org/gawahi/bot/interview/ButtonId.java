package org.gawahi.bot.interview;

import java.util.Optional;

import org.gawahi.bot.buttons.ButtonCodec;
import org.gawahi.bot.buttons.ButtonData;
import org.gawahi.bot.buttons.Namespace;

/**
 * The data on a button: {@code kind:context:argument}, e.g. {@code a:q5:night}. The context
 * names the screen the button belongs to (a question id, "review"...), so a press from an
 * older screen, or forged data, is recognised and refused kindly instead of being applied to
 * whatever is on screen now. Written and read by {@link ButtonCodec}: only data of the
 * interview's namespace (and of the withdrawal question) is a ButtonId.
 */
record ButtonId(String kind, String context, String argument) {
    static final String ANSWER = "a";
    static final String DONE = "d";
    static final String NAV = "n";
    static final String YEAR = "y";
    static final String MONTH = "m";
    static final String LANGUAGE = "l";
    static final String REVIEW = "r";
    static final String EDIT = "e";
    static final String ERASE = "x";
    static final String PAUSED = "p";
    static final String RESUME = "s";
    static final String WITHDRAW = "w";
    /** The sealed form's button: it opens a page, Telegram never sends it back. */
    static final String FORM = "f:form";

    static final String CTX_LANGUAGE = "lang";
    static final String CTX_REVIEW = "review";
    static final String CTX_PICK = "pick";
    static final String CTX_ERASE = "erase";
    static final String CTX_PAUSED = "paused";
    static final String CTX_RESUME = "resume";
    static final String CTX_WITHDRAW = "withdraw";

    /** Interview and withdrawal data: of the two namespaces this engine answers. */
    static Optional<ButtonId> parse(String data) {
        return ButtonCodec.decode(data).flatMap(b -> switch (b.namespace()) {
            case RESPONDENT -> Optional.of(new ButtonId(b.action(), b.arguments().get(0), b.arguments().get(1)));
            case WITHDRAWAL -> b.action().equals(CTX_WITHDRAW) && b.arguments().size() == 1 && !b.subject().isEmpty()
                    ? Optional.of(new ButtonId(WITHDRAW, CTX_WITHDRAW, b.subject())) : Optional.empty();
            default -> Optional.empty();
        });
    }

    /** The data on the button, through the one codec that checks it. */
    String data() {
        ButtonData button = kind.equals(WITHDRAW) ? ButtonData.of(Namespace.WITHDRAWAL, context, argument)
                : ButtonData.of(Namespace.RESPONDENT, kind, context, argument);
        return button.data();
    }
}
