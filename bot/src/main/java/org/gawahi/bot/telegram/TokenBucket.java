package org.gawahi.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket on an injected clock: {@code burst} calls at once, then {@code perSecond}.
 * It never blocks: {@link #tryTake()} says how long to wait before asking again.
 */
final class TokenBucket {
    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant refilledAt;
    private Instant pausedUntil;

    TokenBucket(Clock clock, double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a bucket needs a positive rate and a burst of at least 1");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = clock.instant();
        this.pausedUntil = refilledAt;
    }

    /** Takes a token and returns zero, or returns how long until one is there (nothing taken). */
    synchronized Duration tryTake() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        long nanos = (long) Math.ceil((1 - tokens) / perSecond * 1e9);
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }

    /** Nothing passes until then (Telegram said 429, retry_after). */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Whether the bucket is full again and could be forgotten. */
    synchronized boolean isIdle() {
        Instant now = clock.instant();
        refill(now);
        return tokens >= burst && !now.isBefore(pausedUntil);
    }

    private void refill(Instant now) {
        double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
        if (seconds > 0) {
            tokens = Math.min(burst, tokens + seconds * perSecond);
            refilledAt = now;
        }
    }
}
