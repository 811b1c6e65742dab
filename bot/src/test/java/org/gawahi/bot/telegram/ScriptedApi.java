package org.gawahi.bot.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.gawahi.bot.interview.Screen;
import org.gawahi.config.secret.Secret;

/** A BotApi that fails as scripted and records when (on the fake clock) each call succeeded. */
final class ScriptedApi implements BotApi {
    record Call(String method, long chatId, String text, Instant at) {
    }

    private final Clock clock;
    private final Deque<ApiException> failures = new ArrayDeque<>();
    private final List<Call> succeeded = new ArrayList<>();
    private int attempts;
    private int nextId = 100;
    private volatile CountDownLatch callbackGate;
    private final AtomicInteger callbacksHeld = new AtomicInteger();

    ScriptedApi(Clock clock) {
        this.clock = clock;
    }

    synchronized ScriptedApi failNext(ApiException... next) {
        failures.addAll(List.of(next));
        return this;
    }

    /** From now on, each callback answer waits for the gate to open before it is made. */
    ScriptedApi holdCallbackAnswers(CountDownLatch gate) {
        this.callbackGate = gate;
        return this;
    }

    /** Callback answers waiting at the gate now. */
    int callbackAnswersHeld() {
        return callbacksHeld.get();
    }

    synchronized List<Call> succeeded() {
        return List.copyOf(succeeded);
    }

    synchronized int attempts() {
        return attempts;
    }

    private synchronized void attempt(String method, long chatId, String text) throws ApiException {
        attempts++;
        ApiException failure = failures.pollFirst();
        if (failure != null) {
            throw failure;
        }
        succeeded.add(new Call(method, chatId, text, clock.instant()));
    }

    @Override
    public List<IncomingUpdate> getUpdates(long offset, int timeoutSeconds) {
        return List.of();
    }

    @Override
    public int sendMessage(long chatId, String text, List<List<Screen.Button>> keyboard) throws ApiException {
        attempt("sendMessage", chatId, text);
        synchronized (this) {
            return nextId++;
        }
    }

    @Override
    public int sendDocument(long chatId, String fileName, byte[] content, String caption) throws ApiException {
        attempt("sendDocument", chatId, fileName);
        synchronized (this) {
            return nextId++;
        }
    }

    @Override
    public void editMessageText(long chatId, int messageId, String text, List<List<Screen.Button>> keyboard)
            throws ApiException {
        attempt("editMessageText", chatId, text);
    }

    @Override
    public void deleteMessages(long chatId, List<Integer> messageIds) throws ApiException {
        attempt("deleteMessages", chatId, messageIds.toString());
    }

    @Override
    public void answerCallbackQuery(String callbackQueryId) throws ApiException {
        CountDownLatch gate = callbackGate;
        if (gate != null) {
            callbacksHeld.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the callback gate", e);
            } finally {
                callbacksHeld.decrementAndGet();
            }
        }
        attempt("answerCallbackQuery", 0, callbackQueryId);
    }

    @Override
    public void setMyCommands(List<MenuCommand> commands, String languageCode) throws ApiException {
        attempt("setMyCommands", 0, languageCode);
    }

    @Override
    public void setWebhook(String url, Secret secretToken) throws ApiException {
        attempt("setWebhook", 0, url);
    }

    @Override
    public void deleteWebhook() throws ApiException {
        attempt("deleteWebhook", 0, "");
    }

    @Override
    public void close() {
    }
}
