package org.gawahi.bot.reviewapp;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What "replay" means for a moderator's launch, which legitimately makes many calls with one
 * initData: every call carries a fresh random request id (128 bits, from the page's
 * {@code crypto.getRandomValues}), and a request id seen before with the same launch is refused.
 * A launch's ids are kept, in memory only, until its initData expires (an hour after Telegram
 * signed it); after that the initData itself is refused, which bounds the rest. A restart forgets
 * them: a request captured before a restart could be sent once more within that hour, and still
 * only by someone who has the moderator's initData and whose role is checked again.
 */
final class RequestIds {
    static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    /** Far above what a moderator clicks in an hour; beyond it, the oldest launches' ids are forgotten first. */
    static final int MAX_KEPT = 200_000;

    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    RequestIds(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True the first time this id comes with this launch; false for a repeat or a malformed id. */
    boolean firstUse(String launchFingerprint, String requestId, Instant launchExpires) {
        if (requestId == null || !FORMAT.matcher(requestId).matches()) {
            return false;
        }
        if (seen.size() >= MAX_KEPT) {
            Instant now = clock.instant();
            seen.values().removeIf(expires -> !expires.isAfter(now));
        }
        return seen.putIfAbsent(launchFingerprint + ":" + requestId, launchExpires) == null;
    }
}
