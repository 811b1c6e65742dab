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
    NOT_AUTHENTIC("This testimony's state does not verify: it was changed outside Gawahi, or its record is damaged. "
            + "Nothing was done. An operator should run `gawahi doctor`."),
    CHANGED_MEANWHILE("Someone changed this testimony a moment ago. Open it again before redacting."),
    CONTACT_SENT("Sent. That was the one message: the way to reach her is now erased."),
    CONTACT_CLOSED("Case closed: the way to reach her is erased. Nobody can write to her through the bot now."),
    CONTACT_GONE("There is no way to reach her through the bot any more: the one message was sent, the case was "
            + "closed, or the testimony was withdrawn or purged."),
    CONTACT_EMPTY("The message is empty. Send the text for her, or /next to leave it."),
    CONTACT_TOO_LONG("The message is too long: at most " + ContactBack.MAX_MESSAGE + " characters. "
            + "Send a shorter one, or /next to leave it."),
    CONTACT_NOT_TEXT("Only text can be sent to her. Send the message as text, or /next to leave it.");

    private final String sentence;

    Outcome(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }
}
