package org.gawahi.config.questionnaire;

import java.util.Map;
import java.util.Objects;

/**
 * Every word the moderation and report desks show a moderator or a collective member, in one
 * language ({@code desk/<lang>.yaml}). {@link DeskMessages} has checked at load that every
 * language has every key of English with the same placeholders, so a missing word is a bug
 * and fails loudly.
 */
public final class DeskTexts {
    private final String language;
    private final Map<String, String> messages;

    DeskTexts(String language, Map<String, String> messages) {
        this.language = Objects.requireNonNull(language, "language");
        this.messages = Map.copyOf(messages);
    }

    public String language() {
        return language;
    }

    /** A message with its {placeholders} filled in; a placeholder the message lacks is ignored. */
    public String message(String key, Map<String, String> params) {
        String text = messages.get(key);
        if (text == null) {
            throw new IllegalStateException("no desk message '" + key + "' in language " + language);
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            text = text.replace("{" + p.getKey() + "}", p.getValue());
        }
        return text;
    }

    public String message(String key) {
        return message(key, Map.of());
    }

    /** A message with one placeholder filled in. */
    public String message(String key, String name, Object value) {
        return message(key, Map.of(name, String.valueOf(value)));
    }

    Map<String, String> messages() {
        return messages;
    }
}
