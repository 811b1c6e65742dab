package org.gawahi.config.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fingerprint of a collective public key as people compare it aloud: 30 digits, shown in
 * six groups of five ({@code 12345 67890 12345 67890 12345 67890}). The vault computes it
 * from the public key; the operator pins it with {@code GAWAHI_KEY_FINGERPRINT}. Not secret.
 *
 * @param digits the 30 digits, without spaces
 */
public record KeyFingerprint(String digits) {
    public static final int DIGITS = 30;
    public static final int GROUP = 5;
    private static final Pattern VALID = Pattern.compile("[0-9]{" + DIGITS + "}");
    /** What a person may type between the digits: spaces and dashes, as printed or copied. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\u2010-\u2015]+");

    public KeyFingerprint {
        Objects.requireNonNull(digits, "digits");
        if (!VALID.matcher(digits).matches()) {
            throw new IllegalArgumentException("a key fingerprint is " + DIGITS + " digits");
        }
    }

    /**
     * Reads a fingerprint as printed ({@code 12345 67890 ...}), with dashes, or run together;
     * empty when it is not 30 digits once spaces and dashes are taken out.
     */
    public static Optional<KeyFingerprint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(text.strip()).replaceAll("");
        return VALID.matcher(digits).matches() ? Optional.of(new KeyFingerprint(digits)) : Optional.empty();
    }

    /** Six groups of five digits, separated by spaces: the form to read aloud and compare. */
    public String grouped() {
        StringBuilder b = new StringBuilder(DIGITS + DIGITS / GROUP);
        for (int i = 0; i < DIGITS; i += GROUP) {
            b.append(i == 0 ? "" : " ").append(digits, i, i + GROUP);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return grouped();
    }
}
