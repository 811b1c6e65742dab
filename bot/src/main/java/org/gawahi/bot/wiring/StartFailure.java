package org.gawahi.bot.wiring;

/** A start the running bot refused before creating anything, in words an operator can act on. */
public final class StartFailure extends RuntimeException {
    StartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
