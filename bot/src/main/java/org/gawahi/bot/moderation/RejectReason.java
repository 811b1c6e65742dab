package org.gawahi.bot.moderation;

import java.util.Locale;
import java.util.Optional;

import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;

/**
 * Why a testimony was rejected: a short list, stored as a code, so no moderator's words are
 * kept. Each label is in the desk's message files under {@code reject_<code>}.
 */
public enum RejectReason {
    DUPLICATE,
    NOT_A_RAID,
    TOO_LITTLE,
    NOT_CREDIBLE,
    UNSAFE;

    /** The label in {@code words}' language. */
    public String label(DeskTexts words) {
        return words.message("reject_" + code());
    }

    /** The label in English, as the terminal review prints it. */
    public String label() {
        return label(DeskMessages.shipped().english());
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RejectReason> fromCode(String code) {
        for (RejectReason r : values()) {
            if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
