package org.gawahi.storage.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which refused attempts get an audit entry, so that whoever presses a moderator's button
 * 3 000 times, or from a thousand accounts, cannot grow the append-only log without bound. Per
 * actor: the first refusal in a {@link #WINDOW} gets an entry, the rest of that window are
 * counted, and the count is written (one {@link AuditAction#ACCESS_REFUSED_REPEATED} entry) when
 * the actor is next refused after it. In all: at most {@link #MAX_ENTRIES_PER_WINDOW} entries
 * a window; refusals beyond that are counted and written as one such entry of
 * {@link AuditLog#SYSTEM} in the next window. In memory: counts not yet written are lost on
 * restart, and the actors remembered are bounded ({@link #MAX_ACTORS}, least recent forgotten).
 */
final class RefusalBudget {
    static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_ENTRIES_PER_WINDOW = 100;
    static final int MAX_ACTORS = 10_000;

    /** One entry to write: an actor and the refusals it stands for (1: the refusal itself). */
    record Entry(String actor, AuditAction action, long count) {
    }

    private static final class Actor {
        Instant since;
        long unwritten;

        Actor(Instant since) {
            this.since = since;
        }
    }

    private final Clock clock;
    private final Map<String, Actor> actors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Actor> eldest) {
            return size() > MAX_ACTORS;
        }
    };
    private Instant windowStart;
    private int written;
    private long overflow;

    RefusalBudget(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windowStart = clock.instant();
    }

    /** The entries to write for one more refusal of {@code actor}; often none. */
    synchronized List<Entry> refuse(String actor) {
        Instant now = clock.instant();
        List<Entry> entries = new ArrayList<>();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            written = 0;
            if (overflow > 0) {
                entries.add(new Entry(AuditLog.SYSTEM, AuditAction.ACCESS_REFUSED_REPEATED, overflow));
                written++;
                overflow = 0;
            }
        }
        Actor known = actors.get(actor);
        if (known != null && now.isBefore(known.since.plus(WINDOW))) {
            known.unwritten++;
            return entries;
        }
        long carried = known == null ? 0 : known.unwritten;
        actors.put(actor, new Actor(now));
        if (written + (carried > 0 ? 2 : 1) > MAX_ENTRIES_PER_WINDOW) {
            overflow += carried + 1;
            return entries;
        }
        if (carried > 0) {
            entries.add(new Entry(actor, AuditAction.ACCESS_REFUSED_REPEATED, carried));
            written++;
        }
        entries.add(new Entry(actor, AuditAction.ACCESS_REFUSED, 1));
        written++;
        return entries;
    }
}
