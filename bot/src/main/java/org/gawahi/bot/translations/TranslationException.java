package org.gawahi.bot.translations;

/** Input the translation commands cannot use (not a workbook, no such language...): one plain sentence. */
public final class TranslationException extends RuntimeException {
    public TranslationException(String message) {
        super(message);
    }

    public TranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
