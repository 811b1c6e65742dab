package org.gawahi.bot.wiring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gawahi.storage.testimony.SealedSubmissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the form's used launches once their hour is over, on a schedule: the hour a form
 * testimony came in does not wait on disk for the next one to be purged.
 */
final class LaunchPurge implements AutoCloseable {
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(LaunchPurge.class);

    private final ScheduledExecutorService executor;

    private LaunchPurge(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static LaunchPurge every(Duration interval, SealedSubmissions submissions) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gawahi-launch-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                submissions.purgeLaunches();
            } catch (RuntimeException e) {
                log.warn("form launch purge failed: {}", e.getClass().getName());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return new LaunchPurge(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
