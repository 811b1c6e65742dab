package org.gawahi.bot.wiring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gawahi.bot.moderation.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the retention rules on a schedule (they need no keys, so intake-only runs them too). */
final class RetentionSchedule implements AutoCloseable {
    static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final ScheduledExecutorService executor;

    private RetentionSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static RetentionSchedule every(Duration interval, Retention retention) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gawahi-retention");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                int purged = retention.run();
                if (purged > 0) {
                    log.info("purged the content of {} rejected testimonies", purged);
                }
            } catch (RuntimeException e) {
                log.warn("retention failed: {}", e.getClass().getName());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return new RetentionSchedule(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
