package org.gawahi.bot.interview;

import java.util.Optional;

/**
 * The data on a button: {@code kind:context:argument}, e.g. {@code a:q5:night}. The context
 * names the screen the button belongs to (a question id, "review"...), so a press from an
 * older screen, or forged data, is recognised and refused kindly instead of being applied to
 * whatever is on screen now.
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

    static final String CTX_LANGUAGE = "lang";
    static final String CTX_REVIEW = "review";
    static final String CTX_PICK = "pick";
    static final String CTX_ERASE = "erase";
    static final String CTX_PAUSED = "paused";
    static final String CTX_RESUME = "resume";
    static final String CTX_WITHDRAW = "withdraw";

    /** Telegram's limit on callback data; the validator keeps answer buttons within it. */
    static final int MAX_BYTES = 64;

    static Optional<ButtonId> parse(String data) {
        if (data == null || data.isEmpty() || data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        String[] parts = data.split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ButtonId(parts[0], parts[1], parts[2]));
    }

    String data() {
        return kind + ":" + context + ":" + argument;
    }
}
