package org.gawahi.bot.reviewapp;

import java.util.Locale;

/** The refusals of the review API, each a status and a code; the page shows the words for {@code error.<code>}. */
public enum ReviewError {
    /** Forged, foreign bot, missing, or older than an hour. */
    LAUNCH_INVALID(401),
    /** Telegram vouched for the launch, but its user holds no moderator role now. */
    NOT_MODERATOR(403),
    /** The request id was used before with this launch. */
    REPLAYED(409),
    /** Not the JSON this call takes. */
    BAD_REQUEST(400),
    /** More than a review request can be; not read further. */
    TOO_BIG(413),
    /** The bot runs intake-only: no key in memory opens a testimony. */
    LOCKED(503),
    /** The role table or a record did not open with the unlocked keys. */
    UNAVAILABLE(503),
    /** No such page, asset or call. */
    NOT_FOUND(404);

    private final int status;

    ReviewError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
