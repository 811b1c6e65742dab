package org.gawahi.bot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.gawahi.config.secret.Secret;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * {@code getUpdates} as a call of our own rather than the library's {@code GetUpdates}: that one
 * maps the whole array at once, so one update it cannot map fails the poll, and the next poll,
 * for ever; and it holds the offset as an {@code int}. Here the offset is a {@code long}, the
 * reply is read as a JSON tree and each update mapped on its own by the {@link UpdateReader}.
 * Failures are classified as {@link ClientBotApi#classify} does for the library's calls.
 */
final class UpdatePoll {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final String METHOD = "getUpdates";
    static final int LIMIT = 100;

    private final OkHttpClient http;
    private final Secret token;
    private final TelegramUrl telegramUrl;
    private final UpdateReader reader = new UpdateReader();

    UpdatePoll(OkHttpClient http, Secret token, TelegramUrl telegramUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.token = Objects.requireNonNull(token, "token");
        this.telegramUrl = Objects.requireNonNull(telegramUrl, "telegramUrl");
    }

    /** Starts one long poll; the future holds the reply's body, and cancelling it cancels the call. */
    CompletableFuture<byte[]> start(long offset, int timeoutSeconds, List<String> allowedUpdates) {
        ObjectNode params = reader.newObject();
        params.put("offset", offset);
        params.put("timeout", timeoutSeconds);
        params.put("limit", LIMIT);
        allowedUpdates.forEach(params.putArray("allowed_updates")::add);
        Request request = new Request.Builder()
                .url(url())
                .post(RequestBody.create(params.toString(), JSON))
                .build();
        return bodyOf(http.newCall(request));
    }

    /** The updates of a reply, each read on its own; or the failure the reply reports. */
    List<IncomingUpdate> read(byte[] reply) throws ApiException {
        return reader.readAll(result(reply));
    }

    private HttpUrl url() {
        return new HttpUrl.Builder()
                .scheme(telegramUrl.getSchema())
                .host(telegramUrl.getHost())
                .port(telegramUrl.getPort())
                .addPathSegment("bot" + token.reveal())
                .addPathSegment(METHOD)
                .build();
    }

    private static CompletableFuture<byte[]> bodyOf(Call call) {
        CompletableFuture<byte[]> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                call.cancel();
                return super.cancel(mayInterruptIfRunning);
            }
        };
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                future.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response; ResponseBody body = response.body()) {
                    future.complete(body == null ? new byte[0] : body.bytes());
                } catch (IOException | RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }
        });
        return future;
    }

    private JsonNode result(byte[] reply) throws ApiException {
        JsonNode root;
        try {
            root = reader.tree(reply);
        } catch (IOException e) {
            throw ApiException.transientFailure(METHOD, 0, e); // a proxy's page, a truncated body
        }
        if (root == null || !root.isObject()) {
            throw ApiException.transientFailure(METHOD, 0, null);
        }
        if (root.path("ok").asBoolean(false)) {
            return root.get("result");
        }
        int code = root.path("error_code").asInt(0);
        if (code == 429) {
            int seconds = root.path("parameters").path("retry_after").asInt(1);
            throw ApiException.retryAfter(METHOD, Duration.ofSeconds(Math.max(1, seconds)));
        }
        if (code <= 0 || code >= 500) {
            throw ApiException.transientFailure(METHOD, code, null);
        }
        throw ApiException.rejected(METHOD, code, root.path("description").asText(""));
    }
}
