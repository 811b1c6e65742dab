package org.gawahi.bot.interview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.ReceiptCode;

/**
 * The code a chat asked to withdraw, until she confirms or cancels on the button (or
 * {@link #LIFETIME} passes). Kept in memory, not on the button: the code then lives neither in
 * the confirmation message on her phone nor on disk; a restart forgets it, and she sends the
 * command again. Bounded: the oldest are forgotten first.
 */
final class PendingWithdrawals {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX = 10_000;

    private record Pending(ReceiptCode code, Instant until) {
        @Override
        public String toString() {
            return "Pending[REDACTED]";
        }
    }

    private final Clock clock;
    private final Map<ChatRef, Pending> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChatRef, Pending> eldest) {
            return size() > MAX;
        }
    };

    PendingWithdrawals(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    synchronized void ask(ChatRef chat, ReceiptCode code) {
        pending.remove(chat);
        pending.put(chat, new Pending(code, clock.instant().plus(LIFETIME)));
    }

    /** The code this chat asked to withdraw, if it still waits; forgotten either way. */
    synchronized Optional<ReceiptCode> take(ChatRef chat) {
        Pending p = pending.remove(chat);
        return p == null || clock.instant().isAfter(p.until()) ? Optional.empty() : Optional.of(p.code());
    }
}
