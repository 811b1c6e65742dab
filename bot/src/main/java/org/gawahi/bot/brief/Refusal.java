package org.gawahi.bot.brief;

/** Why no brief was made; each is one sentence of {@code desk.*} in the brief files. */
enum Refusal {
    /** No event has this id. */
    UNKNOWN_EVENT("desk.unknown_event"),
    /** Testimonies were linked to the event and every one of them was withdrawn. */
    ALL_WITHDRAWN("desk.all_withdrawn"),
    /** Fewer counted testimonies than a published count needs (never said how many). */
    TOO_FEW("desk.too_few");

    private final String key;

    Refusal(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
