package org.gawahi.bot.interview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.storage.drafts.ChatRef;

/**
 * Limits receipt-code tries per chat, so nobody can walk the code space through the bot.
 * In memory only: a restart forgets, which costs an attacker a restart per few tries.
 */
final class AttemptLimiter {
    private final Map<ChatRef, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;
    private final Duration window;

    AttemptLimiter(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Records a try; false when the chat has used up its tries for now. */
    boolean tryAcquire(ChatRef chat) {
        Instant now = clock.instant();
        Deque<Instant> tries = attempts.computeIfAbsent(chat, c -> new ArrayDeque<>());
        synchronized (tries) {
            while (!tries.isEmpty() && tries.peekFirst().isBefore(now.minus(window))) {
                tries.pollFirst();
            }
            if (tries.size() >= limit) {
                return false;
            }
            tries.addLast(now);
            return true;
        }
    }
}
