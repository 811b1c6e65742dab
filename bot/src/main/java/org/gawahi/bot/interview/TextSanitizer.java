package org.gawahi.bot.interview;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans free text before anything is kept: control characters go, and obvious identifiers
 * (e-mail addresses, links, Aadhaar-like 12-digit numbers, phone numbers) are replaced by
 * markers that a moderator sees. Digits of any script count, since a number typed in
 * Devanagari identifies as well as one typed in ASCII.
 */
final class TextSanitizer {
    static final String EMAIL_MARK = "[#email]";
    static final String LINK_MARK = "[#link]";
    static final String ID_MARK = "[#id-number]";
    static final String PHONE_MARK = "[#phone]";

    /** Outcome of cleaning: the text to keep, or why it cannot be kept. */
    record Result(String text, boolean masked, int length, Problem problem) {
        enum Problem { NONE, EMPTY, TOO_LONG }
    }

    private record Rule(Pattern pattern, String mark) {
    }

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE;
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+", FLAGS), EMAIL_MARK),
            new Rule(Pattern.compile("(?:https?://|www\\.)\\S+"
                    + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|in|org|net|info|me|co|io|link|xyz|app)\\b(?:/\\S*)?", FLAGS), LINK_MARK),
            // Aadhaar: 12 digits, often written 4-4-4.
            new Rule(Pattern.compile("(?<!\\d)\\d{4}[ -]?\\d{4}[ -]?\\d{4}(?!\\d)", FLAGS), ID_MARK),
            // Phone numbers: 8 or more digits, possibly with +, spaces, dashes or brackets.
            new Rule(Pattern.compile("(?<![\\d])\\+?\\(?\\d(?:[ ()-]{0,2}\\d){7,}(?!\\d)", FLAGS), PHONE_MARK));

    private final int maxLength;

    TextSanitizer(int maxLength) {
        this.maxLength = maxLength;
    }

    Result clean(String raw) {
        StringBuilder kept = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t') {
                kept.append(cp == '\t' ? ' ' : '\n');
            } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
                    || cp == 0x200C || cp == 0x200D) {
                // ZWNJ and ZWJ are format characters, but Indic scripts need them to spell words.
                kept.appendCodePoint(cp);
            }
        });
        String text = kept.toString().strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            return new Result("", false, 0, Result.Problem.EMPTY);
        }
        if (length > maxLength) {
            return new Result("", false, length, Result.Problem.TOO_LONG);
        }
        boolean masked = false;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                masked = true;
                text = m.replaceAll(Matcher.quoteReplacement(rule.mark()));
            }
        }
        return new Result(text, masked, length, Result.Problem.NONE);
    }
}
