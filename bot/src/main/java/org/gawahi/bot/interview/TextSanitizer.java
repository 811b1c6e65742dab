package org.gawahi.bot.interview;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans free text before anything is kept: control characters go, and obvious identifiers
 * (e-mail addresses, also spelt out; links; Aadhaar, PAN, voter id, driving licence and
 * passport numbers; phone and other long numbers, whatever splits their digits) are replaced by
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
    /** "@" written out: "at", "(at)", "[at]". */
    private static final String AT = "\\s*(?:[(\\[{]\\s*at\\s*[)\\]}]|\\bat\\b)\\s*";
    /** "." written out: "dot", "(dot)", "[dot]". */
    private static final String DOT = "\\s*(?:[(\\[{]\\s*dot\\s*[)\\]}]|\\bdot\\b)\\s*";
    private static final String TLD = "(?:com|in|org|net|co|info|me|io)";
    private static final String TLDS = "com|in|org|net|info|me|co|io|link|xyz|app";
    /** Day, month, year (or year, month, day) joined by dashes, and no more digits after it. */
    private static final String DASHED_DATE = "(?:(?:0?[1-9]|[12]\\d|3[01])-(?:0?[1-9]|1[0-2])-(?:19|20)\\d{2}"
            + "|(?:19|20)\\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01]))(?![ ()-]{0,2}\\d)";
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+", FLAGS), EMAIL_MARK),
            // Spelt out against filters: "kamla at gmail dot com", "kamla[at]gmail.com". A bare "at"
            // needs a written-out dot, or a known domain ending right after a dot, so that "she
            // was at Dadar. Then" stays as it is.
            new Rule(Pattern.compile("[\\w.%+-]+" + AT + "[\\w-]+(?:" + DOT + "[\\w-]+)+(?:(?:" + DOT + "|\\.)[\\w-]+)*"
                    + "|[\\w.%+-]+" + AT + "[\\w-]+\\." + TLD + "\\b(?:\\.[\\w-]+)*", FLAGS), EMAIL_MARK),
            new Rule(Pattern.compile("(?:https?://|www\\.)\\S+"
                    + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:" + TLDS + ")\\b(?:/\\S*)?", FLAGS), LINK_MARK),
            // Aadhaar: 12 digits, often written 4-4-4.
            new Rule(Pattern.compile("(?<!\\d)\\d{4}[ ./_-]?\\d{4}[ ./_-]?\\d{4}(?!\\d)", FLAGS), ID_MARK),
            // PAN: five letters, four digits, a letter (ABCDE1234F).
            new Rule(Pattern.compile("(?<![\\w])[a-z]{5}\\d{4}[a-z](?![\\w])", FLAGS), ID_MARK),
            // Voter id (EPIC): three letters, seven digits, together (ABC1234567); apart they could
            // be a word and an amount.
            new Rule(Pattern.compile("(?<![\\w])[a-z]{3}\\d{7}(?![\\w])", FLAGS), ID_MARK),
            // Driving licence: state, RTO, year of issue, seven digits (MH12 20110012345, MH-12-2011-0012345).
            new Rule(Pattern.compile("(?<![\\w])[a-z]{2}[ /-]?\\d{2}[ /-]?(?:19|20)\\d{2}[ /-]?\\d{7}(?![\\w])", FLAGS),
                    ID_MARK),
            // Passport: a letter and seven digits (J8369854).
            new Rule(Pattern.compile("(?<![\\w])[a-z]\\d{7}(?![\\w])", FLAGS), ID_MARK),
            // Phone numbers: 8 or more digits, possibly with +, spaces, dashes or brackets. (This
            // also takes ration card numbers, which are long runs of digits, and labels them so.)
            // A date written with dashes (12-05-2024, 2024-05-12) has eight digits too, but a
            // testimony needs its dates: it stays, unless more digits follow it.
            new Rule(Pattern.compile("(?<![\\d])(?!" + DASHED_DATE + ")\\+?\\(?\\d(?:[ ()-]{0,2}\\d){7,}(?!\\d)", FLAGS),
                    PHONE_MARK),
            // ... or 10 or more split by dots, slashes or underscores (98.76.54.32.10); fewer
            // would take dates (12.05.2024) for numbers.
            new Rule(Pattern.compile("(?<![\\d])\\+?\\d(?:[./_]{1,2}\\d|\\d){9,}(?!\\d)", FLAGS), PHONE_MARK));

    private final int maxLength;

    TextSanitizer(int maxLength) {
        this.maxLength = maxLength;
    }

    Result clean(String raw) {
        StringBuilder kept = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp == '\n') {
                kept.append('\n');
            } else if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                // A no-break or narrow space is a space: split by one, a phone number is still one.
                kept.append(' ');
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
