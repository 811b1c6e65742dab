package org.gawahi.bot.telegram;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.secret.Secret;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@link BotApi} on telegrambots' OkHttp client. Every call goes through
 * {@code executeAsync(..).get(timeout)}: the library waits forever on a reply without
 * {@code "ok"}, and we never do. The OkHttp client and its threads belong to this instance and
 * end with {@link #close()}.
 */
final class ClientBotApi implements BotApi {
    /**
     * Updates the bot asks for; everything else Telegram keeps to itself. Edited messages are
     * asked for only to tell her that editing changes nothing.
     */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");
    /** Margin over a long poll's own timeout before we call the poll lost. */
    private static final Duration POLL_MARGIN = Duration.ofSeconds(15);
    /** Enough for the long poll, the callback answers and every sending thread together. */
    static final int MAX_CALLS_AT_ONCE = 16;

    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    /** For getUpdates only, which is safe to repeat: OkHttp may retry it on a stale pooled connection. */
    private final UpdatePoll poll;
    private final Duration callTimeout;

    ClientBotApi(Secret token, URI apiUrl, Duration callTimeout) {
        Objects.requireNonNull(token, "token");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        // OkHttp runs at most 5 calls per host at once by default: the long poll would hold one of
        // them, and the callback answers and every chat's sending would queue for the other four.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_CALLS_AT_ONCE);
        dispatcher.setMaxRequestsPerHost(MAX_CALLS_AT_ONCE);
        // OkHttp's default read timeout (10 s) would cut every 50 s long poll short.
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(50).plus(POLL_MARGIN))
                .writeTimeout(Duration.ofSeconds(20))
                // We retry (paced, bounded) ourselves; OkHttp's silent retry of a lost reply on a
                // pooled connection would send a message twice behind our back.
                .retryOnConnectionFailure(false)
                .build();
        this.client = new OkHttpTelegramClient(http, token.reveal(), telegramUrl(apiUrl));
        this.poll = new UpdatePoll(http.newBuilder().retryOnConnectionFailure(true).build(), token,
                telegramUrl(apiUrl));
    }

    static TelegramUrl telegramUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme() == null ? "https" : apiUrl.getScheme();
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "http".equalsIgnoreCase(scheme) ? 80 : 443;
        if (apiUrl.getHost() == null) {
            throw new IllegalArgumentException("the Bot API URL needs a host");
        }
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    /** See {@link UpdatePoll}: each update of the reply is read on its own. */
    @Override
    public List<IncomingUpdate> getUpdates(long offset, int timeoutSeconds) throws ApiException {
        byte[] reply = await("getUpdates", () -> poll.start(offset, timeoutSeconds, ALLOWED_UPDATES),
                Duration.ofSeconds(timeoutSeconds).plus(POLL_MARGIN));
        return poll.read(reply);
    }

    @Override
    public int sendMessage(long chatId, String text, List<List<Screen.Button>> keyboard) throws ApiException {
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
                .chatId(chatId)
                .text(text)
                .protectContent(true);
        if (!keyboard.isEmpty()) {
            builder.replyMarkup(markup(keyboard));
        }
        SendMessage method = builder.build();
        Message sent = await("sendMessage", () -> client.executeAsync(method), callTimeout);
        if (sent == null || sent.getMessageId() == null) {
            throw ApiException.transientFailure("sendMessage", 0, null);
        }
        return sent.getMessageId();
    }

    @Override
    public int sendDocument(long chatId, String fileName, byte[] content, String caption) throws ApiException {
        // A fresh stream on every call: a retry must upload the whole file again.
        SendDocument.SendDocumentBuilder<?, ?> builder = SendDocument.builder()
                .chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(content), fileName))
                .protectContent(true);
        if (!caption.isEmpty()) {
            builder.caption(caption);
        }
        SendDocument method = builder.build();
        Message sent = await("sendDocument", () -> client.executeAsync(method), callTimeout);
        if (sent == null || sent.getMessageId() == null) {
            throw ApiException.transientFailure("sendDocument", 0, null);
        }
        return sent.getMessageId();
    }

    @Override
    public void editMessageText(long chatId, int messageId, String text, List<List<Screen.Button>> keyboard)
            throws ApiException {
        EditMessageText method = EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(text)
                .replyMarkup(markup(keyboard))
                .build();
        await("editMessageText", () -> client.executeAsync(method), callTimeout);
    }

    @Override
    public void deleteMessages(long chatId, List<Integer> messageIds) throws ApiException {
        DeleteMessages method = DeleteMessages.builder().chatId(chatId).messageIds(new ArrayList<>(messageIds)).build();
        await("deleteMessages", () -> client.executeAsync(method), callTimeout);
    }

    @Override
    public void answerCallbackQuery(String callbackQueryId) throws ApiException {
        AnswerCallbackQuery method = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build();
        // Some servers answer null here: the result is never unboxed.
        await("answerCallbackQuery", () -> client.executeAsync(method), callTimeout);
    }

    @Override
    public void setMyCommands(List<MenuCommand> commands, String languageCode) throws ApiException {
        List<BotCommand> menu = commands.stream().map(c -> new BotCommand(c.command(), c.description())).toList();
        SetMyCommands.SetMyCommandsBuilder<?, ?> builder = SetMyCommands.builder().commands(menu);
        if (!languageCode.isEmpty()) {
            builder.languageCode(languageCode);
        }
        SetMyCommands method = builder.build();
        await("setMyCommands", () -> client.executeAsync(method), callTimeout);
    }

    @Override
    public void setWebhook(String url, Secret secretToken) throws ApiException {
        SetWebhook method = SetWebhook.builder()
                .url(url)
                .secretToken(secretToken.reveal())
                .allowedUpdates(ALLOWED_UPDATES)
                // One request at a time keeps updates in order, so "id <= committed" means "seen".
                .maxConnections(1)
                .build();
        await("setWebhook", () -> client.executeAsync(method), callTimeout);
    }

    @Override
    public void deleteWebhook() throws ApiException {
        DeleteWebhook method = DeleteWebhook.builder().dropPendingUpdates(false).build();
        await("deleteWebhook", () -> client.executeAsync(method), callTimeout);
    }

    static InlineKeyboardMarkup markup(List<List<Screen.Button>> keyboard) {
        List<InlineKeyboardRow> rows = keyboard.stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(b -> b.webApp().isPresent()
                                ? InlineKeyboardButton.builder().text(b.label())
                                        .webApp(org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo.builder().url(b.webApp().get()).build())
                                        .build()
                                : InlineKeyboardButton.builder().text(b.label()).callbackData(b.id()).build())
                        .toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    @FunctionalInterface
    private interface Call<T> {
        CompletableFuture<T> start() throws TelegramApiException;
    }

    private static <T> T await(String method, Call<T> call, Duration timeout) throws ApiException {
        CompletableFuture<T> future;
        try {
            future = call.start();
        } catch (TelegramApiException e) {
            // Thrown before sending: the library's own validation refused the request.
            throw ApiException.rejected(method, 400, "");
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ApiException.transientFailure(method, 0, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ApiException.transientFailure(method, 0, null);
        } catch (ExecutionException e) {
            throw classify(method, e.getCause());
        }
    }

    static ApiException classify(String method, Throwable cause) {
        if (cause instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
            int code = r.getErrorCode();
            if (code == 429) {
                Integer seconds = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                return ApiException.retryAfter(method, Duration.ofSeconds(seconds == null || seconds < 1 ? 1 : seconds));
            }
            if (code >= 500) {
                return ApiException.transientFailure(method, code, null);
            }
            return ApiException.rejected(method, code, r.getApiResponse());
        }
        // A dropped connection, or an unreadable reply (a proxy's HTML page, a truncated body):
        // worth another try. The cause is kept for its class name only.
        return ApiException.transientFailure(method, 0, cause);
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
