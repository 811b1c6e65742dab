package org.gawahi.bot.telegram;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import org.gawahi.bot.interview.Screen;
import org.gawahi.config.secret.Secret;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * A client that can be made to die as a SIGKILLed process would: after {@link #freeze()} no call
 * reaches Telegram any more (each one blocks until its thread is interrupted), so nothing the
 * bot had not sent by then is ever sent by this instance, whatever it had committed.
 */
final class FreezableApi implements BotApi {
    private final BotApi api;
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile boolean frozen;
    private volatile boolean repliesFrozen;

    FreezableApi(BotApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    void freeze() {
        frozen = true;
    }

    /** Updates are still read (and committed); nothing reaches a chat any more. */
    void freezeReplies() {
        repliesFrozen = true;
    }

    private void gate(String method) throws ApiException {
        if (!frozen && !(repliesFrozen && !method.equals("getUpdates"))) {
            return;
        }
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw ApiException.transientFailure(method, 0, null);
    }

    @Override
    public List<IncomingUpdate> getUpdates(long offset, int timeoutSeconds) throws ApiException {
        gate("getUpdates");
        return api.getUpdates(offset, timeoutSeconds);
    }

    @Override
    public int sendMessage(long chatId, String text, List<List<Screen.Button>> keyboard) throws ApiException {
        gate("sendMessage");
        return api.sendMessage(chatId, text, keyboard);
    }

    @Override
    public int sendDocument(long chatId, String fileName, byte[] content, String caption) throws ApiException {
        gate("sendDocument");
        return api.sendDocument(chatId, fileName, content, caption);
    }

    @Override
    public void editMessageText(long chatId, int messageId, String text, List<List<Screen.Button>> keyboard)
            throws ApiException {
        gate("editMessageText");
        api.editMessageText(chatId, messageId, text, keyboard);
    }

    @Override
    public void deleteMessages(long chatId, List<Integer> messageIds) throws ApiException {
        gate("deleteMessages");
        api.deleteMessages(chatId, messageIds);
    }

    @Override
    public void answerCallbackQuery(String callbackQueryId) throws ApiException {
        gate("answerCallbackQuery");
        api.answerCallbackQuery(callbackQueryId);
    }

    @Override
    public void setMyCommands(List<MenuCommand> commands, String languageCode) throws ApiException {
        gate("setMyCommands");
        api.setMyCommands(commands, languageCode);
    }

    @Override
    public void setWebhook(String url, Secret secretToken) throws ApiException {
        gate("setWebhook");
        api.setWebhook(url, secretToken);
    }

    @Override
    public void deleteWebhook() throws ApiException {
        gate("deleteWebhook");
        api.deleteWebhook();
    }

    @Override
    public void close() {
        api.close();
    }
}
