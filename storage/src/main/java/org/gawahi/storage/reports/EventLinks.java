package org.gawahi.storage.reports;

import java.util.Map;

/**
 * Which raid event a testimony tells of, so a raid told by many is counted once (research
 * §7, "count events once"). Moderators link testimonies to events during review
 * ({@link #of} over the testimony table's links); a testimony linked to none is its own event.
 */
@FunctionalInterface
public interface EventLinks {
    /** The event id of a testimony; its own id when it is linked to none. */
    String eventOf(String testimonyId);

    /** No links at all: every testimony counts as its own raid. */
    static EventLinks eachOwnEvent() {
        return testimonyId -> testimonyId;
    }

    /** The given links (testimony id to event id); a testimony missing from them is its own event. */
    static EventLinks of(Map<String, String> links) {
        Map<String, String> copy = Map.copyOf(links);
        return testimonyId -> copy.getOrDefault(testimonyId, testimonyId);
    }
}
