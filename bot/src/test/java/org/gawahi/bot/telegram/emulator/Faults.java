package org.gawahi.bot.telegram.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Programmable faults. A fault replaces the whole call before it touches any state, except
 * {@link #dropResponses}, which lets the call take effect and then loses the reply. Method names
 * are matched case-insensitively, as the Bot API does; a rule without a method matches every call,
 * getUpdates included. When several count rules match, the oldest fires first. Thread-safe.
 */
public final class Faults {
    enum Kind { TOO_MANY_REQUESTS, SERVER_ERROR, DROP_REQUEST, DROP_RESPONSE, OMIT_OK }

    /** What to do instead of (or after) a call. */
    record Fault(Kind kind, int retryAfterSeconds) {
    }

    private static final class Rule {
        private final Kind kind;
        private final Optional<String> method;
        private final Optional<Long> chat;
        private final int retryAfter;
        private int remaining;
        private final Instant until;

        private Rule(Kind kind, Optional<String> method, int retryAfter, int remaining, Instant until) {
            this(kind, method, Optional.empty(), retryAfter, remaining, until);
        }

        private Rule(Kind kind, Optional<String> method, Optional<Long> chat, int retryAfter, int remaining,
                     Instant until) {
            this.chat = chat;
            this.kind = kind;
            this.method = method.map(name -> name.toLowerCase(Locale.ROOT));
            this.retryAfter = retryAfter;
            this.remaining = remaining;
            this.until = until;
        }

        private boolean matches(String calledMethod, Optional<Long> calledChat) {
            return method.map(name -> name.equals(calledMethod)).orElse(true)
                    && chat.map(id -> calledChat.equals(Optional.of(id))).orElse(true);
        }
    }

    private record Delay(Optional<String> method, Duration delay) {
    }

    private final Clock clock;
    private final Random random;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Delay> delays = new ArrayList<>();
    private double serverErrorProbability;
    private boolean duplicateDelivery;
    private boolean shortPolls;

    Faults(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** The next {@code calls} calls answer 429 with {@code retry_after}. */
    public Faults tooManyRequests(int calls, int retryAfterSeconds) {
        return count(Kind.TOO_MANY_REQUESTS, Optional.empty(), calls, retryAfterSeconds);
    }

    /** The next {@code calls} calls of {@code method} answer 429 with {@code retry_after}. */
    public Faults tooManyRequests(String method, int calls, int retryAfterSeconds) {
        return count(Kind.TOO_MANY_REQUESTS, Optional.of(method), calls, retryAfterSeconds);
    }

    /**
     * The next {@code calls} calls addressed to one chat answer 429 with {@code retry_after}, as
     * Telegram's per-chat flood limit does; calls to other chats go through.
     */
    public synchronized Faults tooManyRequestsInChat(long chatId, int calls, int retryAfterSeconds) {
        if (calls < 1 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException("calls and retry_after must be positive");
        }
        rules.add(new Rule(Kind.TOO_MANY_REQUESTS, Optional.empty(), Optional.of(chatId), retryAfterSeconds, calls,
                null));
        return this;
    }

    /** Every call answers 429 until {@code storm} has passed on the emulator's clock. */
    public Faults tooManyRequestsFor(Duration storm, int retryAfterSeconds) {
        return storm(Optional.empty(), storm, retryAfterSeconds);
    }

    /** Every call of {@code method} answers 429 until {@code storm} has passed on the emulator's clock. */
    public Faults tooManyRequestsFor(String method, Duration storm, int retryAfterSeconds) {
        return storm(Optional.of(method), storm, retryAfterSeconds);
    }

    /** The next {@code calls} calls answer 500 Internal Server Error. */
    public Faults serverErrors(int calls) {
        return count(Kind.SERVER_ERROR, Optional.empty(), calls, 0);
    }

    public Faults serverErrors(String method, int calls) {
        return count(Kind.SERVER_ERROR, Optional.of(method), calls, 0);
    }

    /** Each call answers 500 with this probability, drawn from the emulator's seeded random. */
    public synchronized Faults serverErrorProbability(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within [0, 1]");
        }
        serverErrorProbability = probability;
        return this;
    }

    /** The next {@code calls} calls get their connection closed without a reply; nothing happens. */
    public Faults dropRequests(int calls) {
        return count(Kind.DROP_REQUEST, Optional.empty(), calls, 0);
    }

    public Faults dropRequests(String method, int calls) {
        return count(Kind.DROP_REQUEST, Optional.of(method), calls, 0);
    }

    /**
     * The next {@code calls} calls take effect (a message is sent, updates confirmed), then their
     * connection is closed without a reply: the bot cannot know it worked.
     */
    public Faults dropResponses(int calls) {
        return count(Kind.DROP_RESPONSE, Optional.empty(), calls, 0);
    }

    public Faults dropResponses(String method, int calls) {
        return count(Kind.DROP_RESPONSE, Optional.of(method), calls, 0);
    }

    /** The next {@code calls} calls take effect and reply {@code {"result":...}} without "ok". */
    public Faults omitOk(int calls) {
        return count(Kind.OMIT_OK, Optional.empty(), calls, 0);
    }

    /** Every call waits this long before it is handled. */
    public synchronized Faults delay(Duration delay) {
        delays.add(new Delay(Optional.empty(), delay));
        return this;
    }

    public synchronized Faults delay(String method, Duration delay) {
        delays.add(new Delay(Optional.of(method.toLowerCase(Locale.ROOT)), delay));
        return this;
    }

    /** While on, every update the bot confirms is delivered once more, with the same update_id. */
    public synchronized Faults duplicateDelivery(boolean on) {
        duplicateDelivery = on;
        return this;
    }

    /**
     * While on, getUpdates answers at once, with whatever is pending (often nothing), however
     * long the bot asked to wait: a server, or a proxy, that does not hold long polls.
     */
    public synchronized Faults answerPollsAtOnce(boolean on) {
        shortPolls = on;
        return this;
    }

    synchronized boolean answerPollsAtOnce() {
        return shortPolls;
    }

    /** Removes every fault, delay and probability. */
    public synchronized void clear() {
        rules.clear();
        delays.clear();
        serverErrorProbability = 0;
        duplicateDelivery = false;
        shortPolls = false;
    }

    synchronized boolean duplicateDelivery() {
        return duplicateDelivery;
    }

    synchronized Duration delayFor(String method) {
        String called = method.toLowerCase(Locale.ROOT);
        return delays.stream().filter(delay -> delay.method().map(called::equals).orElse(true))
                .map(Delay::delay).reduce(Duration.ZERO, Duration::plus);
    }

    /** Decides the fault for one call and uses it up. */
    synchronized Optional<Fault> next(String method) {
        return next(method, Optional.empty());
    }

    /** As {@link #next(String)}, for a call addressed to {@code chatId} (empty when none). */
    synchronized Optional<Fault> next(String method, Optional<Long> chatId) {
        String called = method.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Iterator<Rule> iterator = rules.iterator();
        while (iterator.hasNext()) {
            Rule rule = iterator.next();
            boolean expired = rule.until != null ? !now.isBefore(rule.until) : rule.remaining <= 0;
            if (expired) {
                iterator.remove();
            } else if (rule.matches(called, chatId)) {
                if (rule.until == null && --rule.remaining == 0) {
                    iterator.remove();
                }
                return Optional.of(new Fault(rule.kind, rule.retryAfter));
            }
        }
        if (serverErrorProbability > 0 && random.nextDouble() < serverErrorProbability) {
            return Optional.of(new Fault(Kind.SERVER_ERROR, 0));
        }
        return Optional.empty();
    }

    private synchronized Faults count(Kind kind, Optional<String> method, int calls, int retryAfter) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be positive");
        }
        if (kind == Kind.TOO_MANY_REQUESTS && retryAfter < 1) {
            throw new IllegalArgumentException("retry_after must be at least one second");
        }
        rules.add(new Rule(kind, method, retryAfter, calls, null));
        return this;
    }

    private synchronized Faults storm(Optional<String> method, Duration storm, int retryAfter) {
        if (retryAfter < 1) {
            throw new IllegalArgumentException("retry_after must be at least one second");
        }
        rules.add(new Rule(Kind.TOO_MANY_REQUESTS, method, retryAfter, 0, clock.instant().plus(storm)));
        return this;
    }
}
