package org.gawahi.storage.reports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.gawahi.storage.testimony.TestimonyContent;

/**
 * One opened testimony as counting sees it: its answers, the raid event it is linked to,
 * and the day it arrived (for undated raids). Lives only in memory while a report is made.
 *
 * @param eventId the raid event; a testimony not linked to one is its own event
 */
public record CountedTestimony(String testimonyId, String eventId, TestimonyContent content, LocalDate arrived) {
    public CountedTestimony {
        Objects.requireNonNull(testimonyId, "testimonyId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(arrived, "arrived");
    }

    /** The answers as conditions read them: question id to the set of option ids. */
    public Function<String, Set<String>> answers() {
        Map<String, Set<String>> sets = new HashMap<>();
        content.answers().forEach((q, a) -> sets.put(q, Set.copyOf(a)));
        return q -> sets.getOrDefault(q, Set.of());
    }

    @Override
    public String toString() {
        return "CountedTestimony[" + testimonyId + ", event " + eventId + ", content redacted]";
    }
}
