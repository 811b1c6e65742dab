package org.gawahi.bot.telegram;

import java.time.Duration;

/**
 * A Bot API call that did not succeed, classified by what the caller should do. Its message
 * names the method and the kind of failure only: never a chat id or text.
 */
final class ApiException extends Exception {
    enum Kind {
        /** 429: wait {@link #retryAfter()} and try again. */
        RETRY_AFTER,
        /** 5xx, a timeout, a dropped connection, an unreadable reply: try again later. */
        TRANSIENT,
        /** 4xx other than 429: the same call will fail again. */
        REJECTED
    }

    private final Kind kind;
    private final int errorCode;
    private final Duration retryAfter;
    private final transient String description;

    private ApiException(String method, Kind kind, int errorCode, Duration retryAfter, String description,
                         Throwable cause) {
        super(method + " failed: " + kind + (errorCode > 0 ? " " + errorCode : ""), cause, false, false);
        this.kind = kind;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
        this.description = description == null ? "" : description;
    }

    static ApiException retryAfter(String method, Duration wait) {
        return new ApiException(method, Kind.RETRY_AFTER, 429, wait, "", null);
    }

    static ApiException transientFailure(String method, int errorCode, Throwable cause) {
        return new ApiException(method, Kind.TRANSIENT, errorCode, Duration.ZERO, "", cause);
    }

    static ApiException rejected(String method, int errorCode, String description) {
        return new ApiException(method, Kind.REJECTED, errorCode, Duration.ZERO, description, null);
    }

    Kind kind() {
        return kind;
    }

    int errorCode() {
        return errorCode;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Telegram's own words for a rejection, to tell known cases apart; never log them. */
    String description() {
        return description;
    }

    /** What went wrong, safe to log: the HTTP status, or the class of the local failure. */
    String reason() {
        if (errorCode > 0) {
            return "HTTP " + errorCode;
        }
        return getCause() == null ? "no answer" : getCause().getClass().getSimpleName();
    }

    /** An edit whose new text and keyboard equal the old: nothing to do, not a failure. */
    boolean isNotModified() {
        return kind == Kind.REJECTED && description.contains("message is not modified");
    }
}
