package org.gawahi.bot.telegram;

import java.time.Duration;

/**
 * How fast and how stubbornly the bot sends. Telegram allows about 30 messages a second in
 * all and about one a second per chat with short bursts; past that it answers 429.
 *
 * @param transientTries    tries of one call on 5xx, timeouts and dropped connections
 * @param firstBackoff      the wait after the first such failure; it doubles each time
 * @param maxRetryAfters    how many 429s one call may get before it is dropped
 */
public record SendLimits(double globalPerSecond, int globalBurst, double perChatPerSecond, int perChatBurst,
                         int transientTries, Duration firstBackoff, int maxRetryAfters) {

    public SendLimits {
        if (globalPerSecond <= 0 || perChatPerSecond <= 0 || globalBurst < 1 || perChatBurst < 1) {
            throw new IllegalArgumentException("rates and bursts must be positive");
        }
        if (transientTries < 1 || maxRetryAfters < 0 || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("tries must be positive and the backoff not negative");
        }
    }

    /**
     * Telegram's published limits, with a little room: a small global burst on top of 25/s
     * keeps every one-second window at or under 30 messages.
     */
    public static SendLimits telegram() {
        return new SendLimits(25, 5, 1, 3, 5, Duration.ofMillis(500), 20);
    }
}
