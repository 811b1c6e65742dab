package org.gawahi.bot.brief;

/**
 * Why no brief was made; each is one sentence of {@code desk.*} in the brief files, or of the
 * report files' messages for what briefs and reports refuse alike.
 */
enum Refusal {
    /** No event has this id. */
    UNKNOWN_EVENT("desk.unknown_event", false),
    /** Testimonies were linked to the event and every one of them was withdrawn. */
    ALL_WITHDRAWN("desk.all_withdrawn", false),
    /** Fewer counted testimonies than a published count needs (never said how many). */
    TOO_FEW("desk.too_few", false),
    /** The chat's brief of a raid whose month is not over (the CLI marks it provisional instead). */
    NOT_OVER("desk.not_over", false),
    /** A row of the disclosure history did not open: nothing is published unchecked. */
    HISTORY_DAMAGED("history_damaged", true);

    private final String key;
    private final boolean reportWords;

    Refusal(String key, boolean reportWords) {
        this.key = key;
        this.reportWords = reportWords;
    }

    String key() {
        return key;
    }

    /** True when the sentence is the report files' message {@link #key()}, not the brief files'. */
    boolean reportWords() {
        return reportWords;
    }
}
