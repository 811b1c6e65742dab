package org.gawahi.bot.buttons;

import java.util.List;

/**
 * Whose button it is: one namespace per desk, told apart by the first part of the data alone,
 * so a press goes to one desk only and a forged or stale button of one namespace never reaches
 * another. The interview's kinds are the first parts it has always written (its screens may be
 * on phones across an upgrade, and the questionnaire's ids are checked against the 64 bytes
 * with them); every other desk has one letter none of them use.
 */
public enum Namespace {
    /** The interview's screens: {@code kind:context:argument}, e.g. {@code a:q5:night}, {@code m:q1:3}. */
    RESPONDENT(List.of("a", "d", "n", "y", "m", "l", "r", "e", "x", "p", "s")),
    /** The question before a withdrawal: {@code w:withdraw:yes}. */
    WITHDRAWAL(List.of("w")),
    /** The moderation desk: {@code v:a:<testimony id>}; before, {@code m:a:<testimony id>}. */
    MODERATION(List.of("v")),
    /** A moderator's one message back, and closing the case: {@code c:c:<testimony id>}. */
    CONTACT(List.of("c")),
    /** The report desk; it has no buttons yet (periods are typed), the letter is kept for it. */
    REPORT(List.of("t")),
    /** The raid brief desk: {@code b:e:<event>}, {@code b:l:<event>:<lang>}, {@code b:d:<event>:<lang>:<body>}. */
    BRIEF(List.of("b")),
    /** The Telegram adapter's own ✓ under a receipt: {@code z:clear:now}. */
    CHAT(List.of("z"));

    private final List<String> heads;

    Namespace(List<String> heads) {
        this.heads = heads;
    }

    /** The first parts of this namespace's data. */
    public List<String> heads() {
        return heads;
    }
}
