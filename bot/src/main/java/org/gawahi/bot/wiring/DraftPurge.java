package org.gawahi.bot.wiring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gawahi.storage.drafts.DraftStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired drafts on a schedule: an abandoned draft does not wait for its owner to return. */
final class DraftPurge implements AutoCloseable {
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(DraftPurge.class);

    private final ScheduledExecutorService executor;

    private DraftPurge(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static DraftPurge every(Duration interval, DraftStore drafts) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gawahi-draft-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                int purged = drafts.purgeExpired();
                if (purged > 0) {
                    log.info("purged {} expired drafts", purged);
                }
            } catch (RuntimeException e) {
                log.warn("draft purge failed: {}", e.getClass().getName());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return new DraftPurge(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
