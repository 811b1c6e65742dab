package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Routing, encodings, getMe, commands and the webhook. */
class EmulatorSetupTest {
    private BotApiEmulator emulator;
    private BotClient client;
    private HttpClient raw;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.start(BotClient.TOKEN);
        client = new BotClient(emulator);
        raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        emulator.user(42, "Asha", null, "hi");
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        try (BotClient stranger = new BotClient(emulator, "999:wrong", Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> stranger.telegram().execute(new GetMe()))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> {
                        assertThat(error.getErrorCode()).isEqualTo(401);
                        assertThat(error.getApiResponse()).isEqualTo("Unauthorized");
                    });
        }
    }

    @Test
    void getMeDescribesABot() throws Exception {
        org.telegram.telegrambots.meta.api.objects.User me = client.telegram().execute(new GetMe());

        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getId()).isEqualTo(123456L);
        assertThat(me.getUserName()).isNotBlank();
    }

    @Test
    void anUnknownMethodIsNotFound() throws Exception {
        HttpResponse<String> reply = post("sendTelepathy", "application/json", "{}");

        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).contains("\"ok\":false").contains("\"error_code\":404");
    }

    @Test
    void formEncodedParametersAndCaseInsensitiveNamesAreAccepted() throws Exception {
        String form = "chat_id=42&text=" + URLEncoder.encode("नमस्ते & welcome", StandardCharsets.UTF_8)
                + "&reply_markup=" + URLEncoder.encode(
                        "{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}", StandardCharsets.UTF_8);

        HttpResponse<String> reply = post("SENDMESSAGE", "application/x-www-form-urlencoded", form);

        assertThat(reply.statusCode()).isEqualTo(200);
        ChatMessage shown = emulator.lastBotMessage(42).orElseThrow();
        assertThat(shown.text()).isEqualTo("नमस्ते & welcome");
        assertThat(shown.buttonLabels()).containsExactly("Go");
    }

    @Test
    void queryStringParametersAreAccepted() throws Exception {
        HttpResponse<String> reply = raw.send(HttpRequest.newBuilder(URI.create(
                emulator.baseUrl() + "/bot" + BotClient.TOKEN + "/sendMessage?chat_id=42&text=hi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(emulator.chat(42).texts()).containsExactly("hi");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> reply = post("sendMessage", "application/json", "{\"chat_id\":");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(emulator.chat(42).messages()).isEmpty();
    }

    @Test
    void commandsAreKeptPerLanguageAndScope() throws Exception {
        client.telegram().execute(SetMyCommands.builder().command(new BotCommand("start", "Begin")).build());
        client.telegram().execute(SetMyCommands.builder().command(new BotCommand("start", "शुरू करें"))
                .command(new BotCommand("help", "मदद")).languageCode("hi").build());
        client.telegram().execute(SetMyCommands.builder().command(new BotCommand("review", "Review queue"))
                .scope(new BotCommandScopeChat("42")).build());

        assertThat(emulator.commands("")).containsExactly(new Command("start", "Begin"));
        assertThat(emulator.commands("hi")).extracting(Command::command).containsExactly("start", "help");
        assertThat(emulator.commands("chat:42", "")).extracting(Command::command).containsExactly("review");
        List<BotCommand> hindi = client.telegram().execute(GetMyCommands.builder().languageCode("hi").build());
        assertThat(hindi).extracting(BotCommand::getDescription).containsExactly("शुरू करें", "मदद");
    }

    @Test
    void anInvalidCommandIsRejected() {
        assertThatThrownBy(() -> client.telegram().execute(SetMyCommands.builder()
                .command(new BotCommand("Start-Now", "Begin")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(400));
        assertThat(emulator.commands("")).isEmpty();
    }

    @Test
    void aWebhookIsKeptWithItsSecret() throws Exception {
        emulator.sendText(emulator.user(43, "Meera", null, null), "pending");

        client.telegram().execute(SetWebhook.builder().url("https://gawahi.example.org/hook")
                .secretToken("s3cr3t_-token").build());

        assertThat(emulator.webhook()).hasValueSatisfying(webhook -> {
            assertThat(webhook.url()).isEqualTo("https://gawahi.example.org/hook");
            assertThat(webhook.secretToken()).contains("s3cr3t_-token");
            assertThat(webhook.toString()).doesNotContain("s3cr3t");
        });
        WebhookInfo info = client.telegram().execute(new GetWebhookInfo());
        assertThat(info.getUrl()).isEqualTo("https://gawahi.example.org/hook");
        assertThat(info.getPendingUpdatesCount()).isEqualTo(1);
    }

    @Test
    void aWebhookSecretLongerThan256IsRejected() {
        assertThatThrownBy(() -> client.telegram().execute(SetWebhook.builder().url("https://gawahi.example.org/hook")
                .secretToken("a".repeat(257)).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(400));
        assertThat(emulator.webhook()).isEmpty();
    }

    @Test
    void aWebhookSecretWithUnallowedCharactersIsRejected() throws Exception {
        // The client checks the characters itself, so this goes around it.
        HttpResponse<String> reply = post("setWebhook", "application/json",
                "{\"url\":\"https://gawahi.example.org/hook\",\"secret_token\":\"no spaces!\"}");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(emulator.webhook()).isEmpty();
    }

    @Test
    void aPlainHttpWebhookIsRejected() {
        assertThatThrownBy(() -> client.telegram().execute(SetWebhook.builder().url("http://gawahi.example.org/hook")
                .build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(400));
    }

    private HttpResponse<String> post(String method, String contentType, String body) throws Exception {
        return raw.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/bot" + BotClient.TOKEN + "/" + method))
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
