package org.gawahi.storage.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gawahi.storage.db.Database;
import org.gawahi.storage.testimony.TestimonyStatus;

/**
 * The table {@code events}: raid events (HURIDOCS' event, of which each testimony tells
 * acts), so one raid told by many counts once. A random id and the day it was started;
 * nothing about the raid itself, which is in the sealed testimonies.
 */
public final class EventTable implements RaidEvents {
    private static final String INSERT = "INSERT INTO events (id, created_day) VALUES (?, ?)";
    private static final String EXISTS = "SELECT 1 FROM events WHERE id = ?";
    private static final String RECENT = "SELECT e.id, e.created_day, count(t.id) FROM events e "
            + "LEFT JOIN testimonies t ON t.event_id = e.id GROUP BY e.id ORDER BY e.created_day DESC, e.id LIMIT ?";
    private static final String WITH_PREFIX = "SELECT id FROM events WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 2";
    private static final String LINKED_BY_STATUS = "SELECT status, count(*) FROM testimonies WHERE event_id = ? "
            + "GROUP BY status";

    /** An event and how many testimonies are linked to it. */
    public record Event(String id, LocalDate createdDay, int testimonies) {
    }

    private final Database db;

    public EventTable(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(String id, LocalDate day) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, id);
                s.setString(2, day.toString());
                s.executeUpdate();
            }
        });
    }

    @Override
    public boolean exists(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(EXISTS)) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The events whose id starts with {@code prefix} (review shows the first 8 characters); at most two. */
    @Override
    public List<String> withPrefix(String prefix) {
        return db.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(WITH_PREFIX)) {
                s.setInt(1, prefix.length());
                s.setString(2, prefix);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * How many testimonies are linked to an event, by status: a withdrawn testimony keeps its
     * link (and nothing else), so a brief can say that every testimony about a raid was withdrawn.
     */
    @Override
    public Map<TestimonyStatus, Integer> linkedByStatus(String id) {
        return db.inTransaction(c -> {
            Map<TestimonyStatus, Integer> counts = new EnumMap<>(TestimonyStatus.class);
            try (PreparedStatement s = c.prepareStatement(LINKED_BY_STATUS)) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(TestimonyStatus.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    /** The most recently started events, newest first. */
    @Override
    public List<Event> recent(int limit) {
        return db.inTransaction(c -> {
            List<Event> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(RECENT)) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new Event(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getInt(3)));
                    }
                }
            }
            return events;
        });
    }
}
