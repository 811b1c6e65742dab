package org.gawahi.bot.moderation;

import java.util.Locale;

import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;

/**
 * What became of a moderator's action; each has a plain sentence for her, in the desk's
 * message files under {@code outcome_<name>} ({@code desk/<lang>.yaml}).
 */
public enum Outcome {
    DONE,
    ALREADY_DECIDED,
    GONE,
    NOT_A_TEXT_ANSWER,
    REDACTION_EMPTY,
    REDACTION_TOO_LONG,
    NO_SUCH_EVENT,
    NOT_AUTHENTIC,
    CHANGED_MEANWHILE,
    CONTACT_SENT,
    CONTACT_CLOSED,
    CONTACT_GONE,
    CONTACT_EMPTY,
    CONTACT_TOO_LONG,
    CONTACT_NOT_TEXT;

    /** Its key in the desk's message files. */
    public String key() {
        return "outcome_" + name().toLowerCase(Locale.ROOT);
    }

    /** The sentence in {@code words}' language. */
    public String sentence(DeskTexts words) {
        return words.message(key(), "max", ContactBack.MAX_MESSAGE);
    }

    /** The sentence in English, as the terminal review prints it. */
    public String sentence() {
        return sentence(DeskMessages.shipped().english());
    }
}
