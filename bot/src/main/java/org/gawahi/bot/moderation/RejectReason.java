package org.gawahi.bot.moderation;

import java.util.Locale;
import java.util.Optional;

/** Why a testimony was rejected: a short list, stored as a code, so no moderator's words are kept. */
public enum RejectReason {
    DUPLICATE("Duplicate of another testimony"),
    NOT_A_RAID("Not about a raid"),
    TOO_LITTLE("Too little to use"),
    NOT_CREDIBLE("Not credible (test, spam, abuse)"),
    UNSAFE("Would endanger someone if kept");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
