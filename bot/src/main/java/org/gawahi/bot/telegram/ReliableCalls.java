package org.gawahi.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gawahi.bot.interview.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bot API calls to chats, paced and retried: a global and a per-chat token bucket before every
 * try; 429 honoured with its {@code retry_after} by the chat that got it only (another chat that
 * is over a limit gets its own 429), for at most {@link #MAX_RETRY_WAIT} at a time, so that one
 * chat's minute, or a server's absurd wait, holds up no other chat and no thread for long; 5xx, timeouts and dropped connections retried with doubling
 * waits, a bounded number of times. A call that still fails is dropped with a log line that
 * names the method and the kind of failure, never the chat or the text.
 */
final class ReliableCalls {
    private static final Logger log = LoggerFactory.getLogger(ReliableCalls.class);
    /** Telegram's limit for one deleteMessages call. */
    static final int DELETE_BATCH = 100;
    private static final int SWEEP_AT = 1_000;
    /** The longest a chat waits on one 429 before trying again (and counting another 429 if early). */
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);

    /** How an edit went. */
    enum Edit { EDITED, GONE, DROPPED }

    @FunctionalInterface
    private interface ApiCall<T> {
        T call() throws ApiException;
    }

    /** A call's result: a value, or Telegram's refusal, or nothing after every try. */
    private record Outcome<T>(Optional<T> value, Optional<ApiException> rejected) {
    }

    private final BotApi api;
    private final SendLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TokenBucket global;
    private final Map<Long, TokenBucket> perChat = new ConcurrentHashMap<>();

    ReliableCalls(BotApi api, SendLimits limits, Clock clock, Sleeper sleeper) {
        this.api = Objects.requireNonNull(api, "api");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.global = new TokenBucket(clock, limits.globalPerSecond(), limits.globalBurst());
    }

    /** Sends a protected message; the new message's id, or empty when it could not be sent. */
    Optional<Integer> send(long chatId, String text, List<List<Screen.Button>> keyboard) throws InterruptedException {
        return paced(chatId, "sendMessage", () -> api.sendMessage(chatId, text, keyboard)).value();
    }

    /** Sends a protected document; the new message's id, or empty when it could not be sent. */
    Optional<Integer> sendDocument(long chatId, String fileName, byte[] content, String caption)
            throws InterruptedException {
        return paced(chatId, "sendDocument", () -> api.sendDocument(chatId, fileName, content, caption)).value();
    }

    Edit edit(long chatId, int messageId, String text, List<List<Screen.Button>> keyboard) throws InterruptedException {
        Outcome<Boolean> outcome = paced(chatId, "editMessageText", () -> {
            api.editMessageText(chatId, messageId, text, keyboard);
            return true;
        });
        if (outcome.value().isPresent()) {
            return Edit.EDITED;
        }
        if (outcome.rejected().isPresent()) {
            // Retrying a lost reply can meet its own success: the message already says this.
            return outcome.rejected().get().isNotModified() ? Edit.EDITED : Edit.GONE;
        }
        return Edit.DROPPED;
    }

    /** Deletes messages, 100 per call; those Telegram no longer allows deleting are let go. */
    void delete(long chatId, List<Integer> messageIds) throws InterruptedException {
        for (int from = 0; from < messageIds.size(); from += DELETE_BATCH) {
            List<Integer> batch = List.copyOf(messageIds.subList(from, Math.min(messageIds.size(), from + DELETE_BATCH)));
            paced(chatId, "deleteMessages", () -> {
                api.deleteMessages(chatId, batch);
                return true;
            });
        }
    }

    /**
     * Answers a callback query at once: it is not a chat message, so it waits for no bucket.
     * Two quick tries; an unanswered query only leaves a spinner on the button for a while.
     */
    void answerCallback(String callbackQueryId) throws InterruptedException {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                api.answerCallbackQuery(callbackQueryId);
                return;
            } catch (ApiException e) {
                if (e.kind() == ApiException.Kind.REJECTED) {
                    return; // too old, or answered already: nothing to do
                }
                if (attempt == 2) {
                    log.info("a callback query went unanswered ({})", e.reason());
                } else {
                    sleeper.sleep(Duration.ofMillis(200));
                }
            }
        }
    }

    private <T> Outcome<T> paced(long chatId, String method, ApiCall<T> call) throws InterruptedException {
        TokenBucket chat = bucketFor(chatId);
        int transientFailures = 0;
        int retryAfters = 0;
        while (true) {
            take(chat);
            try {
                return new Outcome<>(Optional.of(call.call()), Optional.empty());
            } catch (ApiException e) {
                switch (e.kind()) {
                    case REJECTED -> {
                        if (!e.isNotModified()) {
                            log.info("Telegram refused a {} ({})", method, e.errorCode());
                        }
                        return new Outcome<>(Optional.empty(), Optional.of(e));
                    }
                    case RETRY_AFTER -> {
                        Duration wait = e.retryAfter().compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : e.retryAfter();
                        chat.pauseUntil(clock.instant().plus(wait));
                        if (++retryAfters > limits.maxRetryAfters()) {
                            log.warn("dropped a {} after {} answers 'too many requests'", method, retryAfters);
                            return new Outcome<>(Optional.empty(), Optional.empty());
                        }
                    }
                    case TRANSIENT -> {
                        if (++transientFailures >= limits.transientTries()) {
                            log.warn("dropped a {} after {} tries ({})", method, transientFailures, e.reason());
                            return new Outcome<>(Optional.empty(), Optional.empty());
                        }
                        sleeper.sleep(limits.firstBackoff().multipliedBy(1L << (transientFailures - 1)));
                    }
                    default -> throw new IllegalStateException("unknown failure kind");
                }
            }
        }
    }

    private void take(TokenBucket chat) throws InterruptedException {
        Duration wait;
        while (!(wait = chat.tryTake()).isZero()) {
            sleeper.sleep(wait);
        }
        while (!(wait = global.tryTake()).isZero()) {
            sleeper.sleep(wait);
        }
    }

    private TokenBucket bucketFor(long chatId) {
        if (perChat.size() > SWEEP_AT) {
            perChat.values().removeIf(TokenBucket::isIdle);
        }
        return perChat.computeIfAbsent(chatId,
                id -> new TokenBucket(clock, limits.perChatPerSecond(), limits.perChatBurst()));
    }
}
