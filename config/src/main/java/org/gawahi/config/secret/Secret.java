package org.gawahi.config.secret;

import java.util.Objects;

/**
 * A secret string (a bot token, a passphrase, a webhook secret). It prints as
 * {@code [REDACTED]} wherever it ends up (logs, exceptions, records that hold it), so a
 * careless log line cannot leak it. Ask for the value with {@link #reveal()} at the one
 * place that needs it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    /** Constant-time comparison, for checking a presented secret against the configured one. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // never a function of the secret
    }
}
