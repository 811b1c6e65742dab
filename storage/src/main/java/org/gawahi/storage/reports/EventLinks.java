package org.gawahi.storage.reports;

/**
 * Which raid event a testimony tells of, so a raid told by many is counted once (research
 * §7, "count events once"). Moderators will link testimonies to events; until that table
 * exists, {@link #eachOwnEvent()} makes every testimony its own event, which counts a raid
 * once per testimony and says so in the method note.
 */
@FunctionalInterface
public interface EventLinks {
    /** The event id of a testimony; its own id when it is linked to none. */
    String eventOf(String testimonyId);

    static EventLinks eachOwnEvent() {
        return testimonyId -> testimonyId;
    }
}
