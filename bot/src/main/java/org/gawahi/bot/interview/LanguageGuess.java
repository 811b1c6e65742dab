package org.gawahi.bot.interview;

import java.util.Locale;

import org.gawahi.config.questionnaire.Questionnaire;

/** A first guess at a person's language from her client's language code ("hi", "bn-IN"). */
public final class LanguageGuess {
    private LanguageGuess() {
    }

    public static String guess(Questionnaire questionnaire, String languageCode) {
        if (languageCode != null && !languageCode.isBlank()) {
            String primary = languageCode.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (questionnaire.supports(primary)) {
                return primary;
            }
        }
        return questionnaire.defaultLanguage();
    }
}
