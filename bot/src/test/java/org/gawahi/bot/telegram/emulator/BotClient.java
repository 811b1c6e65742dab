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
        http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
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
