package org.gawahi.bot.moderation;

/** What became of a moderator's action; each has a plain sentence for her. */
public enum Outcome {
    DONE("Done."),
    ALREADY_DECIDED("Someone else decided this testimony a moment ago; their decision stands."),
    GONE("This testimony is no longer there (withdrawn or purged)."),
    NOT_A_TEXT_ANSWER("That question has no free-text answer in this testimony."),
    REDACTION_EMPTY("The redacted text is empty. Send the text as it should stand, with the parts to hide left out."),
    REDACTION_TOO_LONG("The redacted text is longer than the original. A redaction may only remove or shorten."),
    NO_SUCH_EVENT("There is no such raid event."),
    CHANGED_MEANWHILE("Someone changed this testimony a moment ago. Open it again before redacting.");

    private final String sentence;

    Outcome(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }
}
