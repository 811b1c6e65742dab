package org.gawahi.storage.testimony;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The code a person gets after submitting: 16 random digits grouped in fours like a phone
 * number, so it is easy to hide among contacts. It is not derived from anything about her;
 * storage keeps only a keyed hash of it. Prints redacted.
 */
public final class ReceiptCode {
    public static final int DIGITS = 16;
    private final String digits;

    private ReceiptCode(String digits) {
        this.digits = digits;
    }

    public static ReceiptCode random(SecureRandom random) {
        StringBuilder b = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return new ReceiptCode(b.toString());
    }

    /**
     * Reads a code as a person may type it: spaces, dashes and any script's digits
     * (Devanagari, Bengali...) are accepted.
     */
    public static Optional<ReceiptCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isDigit(c)) {
                b.append((char) ('0' + Character.digit(c, 10)));
            } else if (c != ' ' && c != '-' && c != '.') {
                return Optional.empty();
            }
        }
        return b.length() == DIGITS ? Optional.of(new ReceiptCode(b.toString())) : Optional.empty();
    }

    /** The bare digits, for hashing. */
    public String digits() {
        return digits;
    }

    /** As shown to the person: {@code 1234 5678 9012 3456}. */
    public String grouped() {
        return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8, 12) + " " + digits.substring(12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceiptCode r && r.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return "[receipt]";
    }
}
