package org.gawahi.storage.contact;

import java.util.Objects;

import org.gawahi.storage.drafts.ChatRef;

/**
 * A way back to the respondent of one testimony, opened: her chat (which prints as
 * {@code [chat]}) and the language she answered in. Exists only in memory, only unlocked.
 */
public record ContactHandle(String testimonyId, ChatRef chat, String language) {
    public ContactHandle {
        Objects.requireNonNull(testimonyId, "testimonyId");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() {
        return "ContactHandle[" + testimonyId + ", REDACTED]";
    }
}
