package org.gawahi.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own long poll: {@code getUpdates(offset = last committed + 1, timeout = 50 s)}, each reply
 * handed to the {@link UpdateApplier}. Unlike telegrambots' session, it never confirms an
 * update before its effects are committed (the offset it sends is the committed one), and no
 * exception stops it: failures are logged by kind and waited out with a growing pause. One
 * thread of its own, ended by {@link #close()}.
 */
final class PollingLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);
    static final int POLL_TIMEOUT_SECONDS = 50;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** One failed poll is routine (a dropped connection); three in a row are worth a health alarm. */
    static final int UNHEALTHY_AFTER = 3;
    /**
     * The least time between two polls that brought nothing: Telegram holds an empty poll for
     * its whole timeout, but a server (or a proxy) that answers at once must not make this a
     * busy loop.
     */
    static final Duration EMPTY_POLL_SPACING = Duration.ofSeconds(1);

    private final BotApi api;
    private final UpdateApplier applier;
    private final BotStatus status;
    private final Sleeper sleeper;
    private final int pollTimeoutSeconds;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(Sender.named("gawahi-poll"));
    private volatile boolean running;

    PollingLoop(BotApi api, UpdateApplier applier, BotStatus status, Sleeper sleeper, int pollTimeoutSeconds) {
        this.api = Objects.requireNonNull(api, "api");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.status = Objects.requireNonNull(status, "status");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.pollTimeoutSeconds = pollTimeoutSeconds;
    }

    /** Starts polling on the loop's own thread; {@code before} runs there first (setup calls). */
    void start(Runnable before) {
        running = true;
        thread.execute(() -> {
            try {
                before.run();
            } catch (RuntimeException e) {
                log.warn("start-up calls failed ({}); polling anyway", e.getClass().getName());
            }
            run();
        });
    }

    private void run() {
        int failures = 0;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                long started = System.nanoTime();
                List<IncomingUpdate> updates = api.getUpdates(applier.lastCommitted() + 1, pollTimeoutSeconds);
                status.receiving(true);
                failures = 0;
                if (updates.isEmpty()) {
                    spaceEmptyPoll(Duration.ofNanos(System.nanoTime() - started));
                } else {
                    applier.apply(updates);
                }
            } catch (ApiException e) {
                if (!running) {
                    return;
                }
                failures++;
                if (failures >= UNHEALTHY_AFTER) {
                    status.receiving(false);
                }
                try {
                    pauseAfter(e, failures);
                } catch (InterruptedException stop) {
                    return;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures++;
                log.warn("applying updates failed ({}); polling again", e.getClass().getName());
                try {
                    sleeper.sleep(backoff(failures));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void spaceEmptyPoll(Duration took) {
        if (took.compareTo(EMPTY_POLL_SPACING) < 0) {
            try {
                sleeper.sleep(EMPTY_POLL_SPACING.minus(took));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pauseAfter(ApiException e, int failures) throws InterruptedException {
        switch (e.kind()) {
            case RETRY_AFTER -> sleeper.sleep(e.retryAfter());
            case TRANSIENT -> {
                if (failures == 1 || failures % 10 == 0) {
                    log.warn("getUpdates failed ({}); trying again", e.reason());
                }
                sleeper.sleep(backoff(failures));
            }
            default -> {
                log.warn("Telegram refused getUpdates ({}){}", e.errorCode(),
                        e.errorCode() == 401 ? ": check GAWAHI_TELEGRAM_TOKEN" : "");
                if (e.errorCode() == 409) {
                    // A webhook is still set (or another instance polls): polling mode removes the webhook.
                    try {
                        api.deleteWebhook();
                    } catch (ApiException ignored) {
                        // the next round tries again
                    }
                }
                sleeper.sleep(backoff(failures));
            }
        }
    }

    static Duration backoff(int failures) {
        long seconds = 1L << Math.min(failures - 1, 5);
        return Duration.ofSeconds(seconds).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : Duration.ofSeconds(seconds);
    }

    boolean isRunning() {
        return running && !thread.isTerminated();
    }

    @Override
    public void close() {
        running = false;
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("the polling thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
