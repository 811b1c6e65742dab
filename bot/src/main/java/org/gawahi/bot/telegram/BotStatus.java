package org.gawahi.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the health endpoint tells about the adapter: mode, when an update last arrived, whether polling works. */
public final class BotStatus {
    private final Clock clock;
    private final TelegramMode mode;
    private volatile Instant lastUpdateAt;
    private volatile boolean receiving = true;
    private volatile boolean running;

    public BotStatus(Clock clock, TelegramMode mode) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public TelegramMode mode() {
        return mode;
    }

    /** Time since the last update was committed; empty before the first. */
    public Optional<Duration> lastUpdateAge() {
        Instant last = lastUpdateAt;
        return last == null ? Optional.empty() : Optional.of(Duration.between(last, clock.instant()));
    }

    /** False while getUpdates keeps failing (network, token, a webhook still set). */
    public boolean receiving() {
        return receiving;
    }

    public boolean running() {
        return running;
    }

    void updateCommitted() {
        lastUpdateAt = clock.instant();
    }

    void receiving(boolean ok) {
        receiving = ok;
    }

    void running(boolean isRunning) {
        running = isRunning;
    }
}
