package org.gawahi.storage.drafts;

import java.time.Duration;
import java.time.Instant;

/**
 * Times of drafts on disk: whole hours since 1970-01-01 UTC, no finer, so an expiry does not
 * date a person's last answer. An expiry is rounded up: a draft lives its time to live, and at
 * most an hour more.
 */
final class Hours {
    private static final long SECONDS = 3600;

    private Hours() {
    }

    /** The hour now is in. Something expiring at hour {@code h} is gone once this reaches {@code h}. */
    static long now(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), SECONDS);
    }

    /** The first whole hour at or after {@code now + timeToLive}. */
    static long expiry(Instant now, Duration timeToLive) {
        return Math.floorDiv(now.plus(timeToLive).getEpochSecond() + SECONDS - 1, SECONDS);
    }
}
