package org.gawahi.bot.interview;

import java.util.Locale;

import org.gawahi.config.questionnaire.Questionnaire;

/** A first guess at a person's language from her client's language code ("hi", "bn-IN"). */
public final class LanguageGuess {
    private LanguageGuess() {
    }

    public static String guess(Questionnaire questionnaire, String languageCode) {
        if (languageCode != null && !languageCode.isBlank()) {
            String code = languageCode.strip().toLowerCase(Locale.ROOT);
            // Not split("[-_]"): a regular expression compiled for every update of every chat.
            int end = 0;
            while (end < code.length() && code.charAt(end) != '-' && code.charAt(end) != '_') {
                end++;
            }
            String primary = code.substring(0, end);
            if (questionnaire.supports(primary)) {
                return primary;
            }
        }
        return questionnaire.defaultLanguage();
    }
}
