package org.gawahi.bot.form;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per person in any {@code window}, the person named by a keyed
 * pseudonym, in memory only (a restart forgets; nothing about who used the form reaches the
 * disk). Forgets a person once her window is empty, so memory follows the recent users only.
 */
final class UserLimiter {
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;
    private final Duration window;

    UserLimiter(Clock clock, int limit, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Records a request; false when the person has used up her requests for now. */
    boolean tryAcquire(String pseudonym) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (recent.size() > 10_000) {
            recent.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || d.peekLast().isBefore(since);
                }
            });
        }
        boolean[] allowed = {false};
        recent.compute(pseudonym, (key, times) -> {
            Deque<Instant> t = times == null ? new ArrayDeque<>() : times;
            synchronized (t) {
                while (!t.isEmpty() && t.peekFirst().isBefore(since)) {
                    t.pollFirst();
                }
                if (t.size() < limit) {
                    t.addLast(now);
                    allowed[0] = true;
                }
            }
            return t;
        });
        return allowed[0];
    }
}
