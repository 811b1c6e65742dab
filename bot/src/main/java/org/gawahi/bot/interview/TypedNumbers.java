package org.gawahi.bot.interview;

import java.util.Optional;

/** Numbers as people type them: digits of any script, around spaces. */
final class TypedNumbers {
    private TypedNumbers() {
    }

    /** Up to nine digits, of any script; anything else is not a number. */
    static Optional<Long> parse(String typed) {
        String digits = asciiDigits(typed.strip());
        if (!digits.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    /** Digits of any script (Devanagari, Bengali...) as ASCII; other characters unchanged. */
    static String asciiDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                b.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
