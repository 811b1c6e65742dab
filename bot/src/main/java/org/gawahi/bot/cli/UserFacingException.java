package org.gawahi.bot.cli;

/** A failure whose message tells an operator what is wrong and how to fix it. */
public final class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
