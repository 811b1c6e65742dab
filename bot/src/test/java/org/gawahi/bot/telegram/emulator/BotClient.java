package org.gawahi.bot.telegram.emulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The real telegrambots client pointed at an emulator, with an OkHttp client we can shut down. */
final class BotClient implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token_for-the-emulator";

    private final OkHttpClient http;
    private final OkHttpTelegramClient telegram;

    BotClient(BotApiEmulator emulator) {
        this(emulator, TOKEN, Duration.ofSeconds(30));
    }

    BotClient(BotApiEmulator emulator, String token, Duration readTimeout) {
        this(emulator, token, new OkHttpClient.Builder().readTimeout(readTimeout).build());
    }

    /** OkHttp retries a failed call once on a fresh connection unless told not to. */
    static BotClient withoutRetries(BotApiEmulator emulator, Duration readTimeout) {
        return new BotClient(emulator, TOKEN,
                new OkHttpClient.Builder().readTimeout(readTimeout).retryOnConnectionFailure(false).build());
    }

    private BotClient(BotApiEmulator emulator, String token, OkHttpClient http) {
        this.http = http;
        telegram = new OkHttpTelegramClient(http, token, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
    }

    OkHttpTelegramClient telegram() {
        return telegram;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
        try {
            http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
