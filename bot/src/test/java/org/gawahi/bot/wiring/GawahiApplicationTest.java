package org.gawahi.bot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.config.secret.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application as `gawahi run` starts it, against the emulator. */
class GawahiApplicationTest {
    static final String TOKEN = "654321:TEST-wiring-token";
    static final String SECRET = "wiring_Secret-42";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    BotApiEmulator emulator;
    ConfigurableApplicationContext app;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = BotApiEmulator.start(TOKEN);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        emulator.close();
    }

    private RunSettings settings(TelegramSettings telegram) throws Exception {
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        new org.gawahi.storage.crypto.Keys(data, new java.security.SecureRandom(), java.time.Clock.systemUTC())
                .init(org.gawahi.config.secret.Secret.of("wiring test passphrase"),
                        org.gawahi.storage.crypto.Argon2Profile.TEST);
        return RunSettings.of(telegram, data, Optional.of(RaidQuestionnaire.copyTo(dir.resolve("questionnaire"))));
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(local(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postUpdate(String secret, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(local("/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String start(long updateId, long chatId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":3,\"date\":1790000000,"
                + "\"chat\":{\"id\":" + chatId + ",\"type\":\"private\",\"first_name\":\"S\"},"
                + "\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"S\",\"language_code\":\"en\"},"
                + "\"text\":\"/start\",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":6}]}}";
    }

    @Test
    void pollingModeAnswersThroughTheEmulatorAndReportsHealthWhenAskedFor() throws Exception {
        app = GawahiApplication.start(settings(TelegramSettings.polling(Secret.of(TOKEN),
                URI.create(emulator.baseUrl()))).withHealthPort(0));
        User sita = emulator.user(5501, "Sita", null, "en");

        emulator.sendText(sita, "/start");
        emulator.awaitBotMessage(sita.chatId(), m -> !m.buttons().isEmpty(), WAIT);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mode\":\"polling\"", "\"keys\":\"intake-only\"", "lastUpdateAgeSeconds");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
        assertThat(postUpdate(SECRET, start(1, sita.chatId())).statusCode()).isEqualTo(404);
        assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(health.body()).doesNotContain("diskSpace", "free", "total", dir.toString());
    }

    @Test
    void pollingModeWithoutAHealthPortListensNowhere() throws Exception {
        app = GawahiApplication.start(settings(TelegramSettings.polling(Secret.of(TOKEN),
                URI.create(emulator.baseUrl()))));
        User sita = emulator.user(5503, "Sita", null, "en");

        emulator.sendText(sita, "/start");
        emulator.awaitBotMessage(sita.chatId(), m -> !m.buttons().isEmpty(), WAIT);

        assertThat(GawahiApplication.healthUrl(app)).isEmpty();
        assertThat(app.getEnvironment().getProperty("local.server.port")).isNull();
        assertThat(app).isNotInstanceOf(org.springframework.boot.web.context.WebServerApplicationContext.class);
    }

    @Test
    void unlockedACollectiveMemberIsAnsweredByTheReportDeskWithTheSigningKeyOpen() throws Exception {
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        Secret passphrase = Secret.of("wiring test passphrase");
        var keys = new org.gawahi.storage.crypto.Keys(data, new java.security.SecureRandom(), java.time.Clock.systemUTC());
        keys.init(passphrase, org.gawahi.storage.crypto.Argon2Profile.TEST);
        keys.newSigningKey(passphrase, org.gawahi.storage.crypto.Argon2Profile.TEST);
        try (var db = org.gawahi.storage.db.Database.open(data); var opener = keys.unlock(passphrase)) {
            var roles = new org.gawahi.storage.roles.Roles(db, new java.security.SecureRandom());
            try (var book = roles.open(opener)) {
                book.grant(TelegramChats.conversation(5601), org.gawahi.storage.roles.Role.COLLECTIVE);
                roles.save(book, keys.sealer(), opener);
            }
        }
        app = GawahiApplication.start(new RunSettings(TelegramSettings.polling(Secret.of(TOKEN),
                URI.create(emulator.baseUrl())), data, Optional.empty(), org.gawahi.config.settings.Settings.DraftMode.DISK,
                Duration.ofHours(24), Optional.of(passphrase), Optional.empty()), "--server.port=0");
        User member = emulator.user(5601, "Meena", null, "en");

        emulator.sendText(member, "/report 2025-Q1");

        // No testimony yet: the desk answered (role checked, signing key open) and the job ran after the commit.
        emulator.awaitBotMessage(member.chatId(), m -> m.text().startsWith("Nothing can be published"), WAIT);
        assertThat(emulator.documents(member.chatId())).isEmpty();
    }

    @Test
    void webhookModeRefusesAWrongSecretAndAnswersTheRightOneAfterTheCommit() throws Exception {
        app = GawahiApplication.start(settings(TelegramSettings.webhook(Secret.of(TOKEN),
                URI.create(emulator.baseUrl()), URI.create("https://gawahi.example/telegram/webhook"),
                Secret.of(SECRET))), "--server.port=0");
        User gita = emulator.user(5502, "Gita", null, "en");
        assertThat(emulator.webhook()).isPresent();

        assertThat(postUpdate(null, start(100, gita.chatId())).statusCode()).isEqualTo(401);
        assertThat(postUpdate("wrong", start(100, gita.chatId())).statusCode()).isEqualTo(401);
        assertThat(emulator.chat(gita.chatId()).botMessages()).isEmpty();

        assertThat(postUpdate(SECRET, start(100, gita.chatId())).statusCode()).isEqualTo(200);
        assertThat(app.getBean(org.gawahi.storage.updates.UpdateOffsets.class).lastCommitted()).hasValue(100);
        emulator.awaitBotMessage(gita.chatId(), m -> !m.buttons().isEmpty(), WAIT);

        assertThat(postUpdate(SECRET, "{nonsense").statusCode()).isEqualTo(400);
        assertThat(get("/actuator/health").statusCode()).as("no health on the port a proxy forwards to")
                .isEqualTo(404);
        assertThat(get("/actuator/health").body()).doesNotContain("intake-only", "keys", "lastUpdate");
        assertThat(GawahiApplication.healthUrl(app)).isEmpty();
    }

    @Test
    void webhookModeServesHealthOnlyOnItsOwnLoopbackPortNeverOnTheWebhooksPort() throws Exception {
        app = GawahiApplication.start(settings(TelegramSettings.webhook(Secret.of(TOKEN),
                URI.create(emulator.baseUrl()), URI.create("https://gawahi.example/telegram/webhook"),
                Secret.of(SECRET))).withHealthPort(freePort()), "--server.port=0");

        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        URI health = GawahiApplication.healthUrl(app).orElseThrow();
        assertThat(health.getHost()).isEqualTo("127.0.0.1");
        assertThat(health.getPort()).isNotEqualTo(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"mode\":\"webhook\"", "\"keys\":\"intake-only\"");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
