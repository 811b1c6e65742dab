package org.gawahi.storage.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gawahi.storage.testimony.TestimonyStatus;

/** The port to the raid events moderators make and link testimonies to ({@link EventTable} over SQLite). */
public interface RaidEvents {
    /** Adds an event with a random id, made on {@code day}. */
    void insert(String id, LocalDate day);

    boolean exists(String id);

    /** The ids of the events whose id starts with {@code prefix}. */
    List<String> withPrefix(String prefix);

    /** How many testimonies linked to the event stand in each status. */
    Map<TestimonyStatus, Integer> linkedByStatus(String id);

    /** The most recent events, newest first, with how many testimonies hold content linked to each. */
    List<EventTable.Event> recent(int limit);
}
