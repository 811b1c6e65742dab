package org.gawahi.bot.miniapp;

import java.util.Objects;

/**
 * Launch data that Telegram did not vouch for, or no longer does. The message names the
 * {@link Reason} only, never anything of the data itself, so it may be logged.
 */
public final class LaunchRefused extends Exception {
    /** Why; {@link #code()} is what a log line may say. */
    public enum Reason {
        /** No launch data, or more than a launch can be. */
        MISSING,
        /** Not a query string of distinct fields, or a field Telegram always sends is absent or unreadable. */
        MALFORMED,
        /** The hash or the signature does not match: forged, altered, or made for another bot. */
        FORGED,
        /** Signed more than an hour ago, or dated in the future. */
        STALE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    LaunchRefused(Reason reason) {
        super("launch data refused: " + reason.code(), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
