package org.gawahi.bot.form;

import java.util.Locale;

/** The refusals of the form's API, each a status and a code the page turns into a kind sentence. */
public enum FormError {
    /** Forged, foreign bot, missing, or older than an hour. */
    LAUNCH_INVALID(401),
    /** A second submission with the same launch. */
    ALREADY_SENT(409),
    /** Not a version-1 record sealed to the current key, a bad id, a bad request. */
    BAD_RECORD(400),
    /** More than a form request can be; not read further. */
    TOO_BIG(413),
    /** Too many requests from one person for now. */
    TOO_MANY(429),
    /** Intake cannot take it now. */
    UNAVAILABLE(503),
    /** No such page or asset. */
    NOT_FOUND(404);

    private final int status;

    FormError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
