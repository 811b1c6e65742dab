package org.gawahi.bot.moderation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.testimony.TestimonyContent;
import org.gawahi.storage.testimony.TestimonyStatus;

/** One testimony opened for a moderator. Prints no content. */
public record OpenedTestimony(String id, LocalDate submittedDay, TestimonyStatus status, boolean urgent,
                              Optional<String> eventId, TestimonyContent content) {
    public OpenedTestimony {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** The first characters of the id: enough for a moderator to tell testimonies apart. */
    public String shortId() {
        return id.substring(0, Math.min(8, id.length()));
    }

    @Override
    public String toString() {
        return "OpenedTestimony[" + shortId() + ", " + status + ", content redacted]";
    }
}
