package org.gawahi.bot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.form.FormResponse;
import org.gawahi.bot.miniapp.TestLaunches;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Sealer;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The sealed form as `gawahi run` serves it with GAWAHI_PUBLIC_URL, over real HTTP, against the emulator. */
class FormEndpointsTest {
    static final String TOKEN = "654321:TEST-form-token";
    static final URI PUBLIC = URI.create("https://gawahi.example.org");
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    BotApiEmulator emulator;
    ConfigurableApplicationContext app;
    Sealer sealer;
    HttpClient http = HttpClient.newHttpClient();

    final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
            new ch.qos.logback.core.read.ListAppender<>();
    ch.qos.logback.classic.Logger root;

    private void listen() {
        root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.setContext(root.getLoggerContext());
        logged.start();
        root.addAppender(logged);
    }

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = BotApiEmulator.start(TOKEN);
    }

    @AfterEach
    void stop() {
        if (root != null) {
            root.detachAppender(logged);
        }
        if (app != null) {
            app.close();
        }
        emulator.close();
    }

    private RunSettings settings(TelegramSettings telegram) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Keys keys = new Keys(data, new SecureRandom(), Clock.systemUTC());
        keys.init(Secret.of("form test passphrase"), Argon2Profile.TEST);
        sealer = keys.sealer();
        return RunSettings.of(telegram, data, Optional.of(RaidQuestionnaire.copyTo(dir.resolve("questionnaire"))));
    }

    private void startWithTheForm() throws Exception {
        app = GawahiApplication.start(settings(TelegramSettings.polling(Secret.of(TOKEN), URI.create(emulator.baseUrl())))
                .withPublicUrl(PUBLIC), "--server.port=0");
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(local(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(local(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertFormHeaders(HttpResponse<String> response) {
        FormResponse.HEADERS.forEach((name, value) ->
                assertThat(response.headers().firstValue(name)).as(name).contains(value));
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Set-Cookie"));
    }

    private String launch(long userId) {
        return TestLaunches.launch(TOKEN, userId, "hi", Instant.now().minusSeconds(5));
    }

    @Test
    void herFirstScreenOffersThePrivateFormBesideTheChatAndTheMenuButtonOpensIt() throws Exception {
        startWithTheForm();
        User sita = emulator.user(5701, "Sita", null, "hi");

        emulator.sendText(sita, "/start");
        ChatMessage first = emulator.awaitBotMessage(sita.chatId(), m -> !m.buttons().isEmpty(), WAIT);

        assertThat(first.buttons()).contains(new Button("🔒 निजी फ़ॉर्म में जवाब दें (Telegram आपके जवाब नहीं देखता)",
                "", "", "https://gawahi.example.org/form/"));
        assertThat(first.buttons()).anySatisfy(b -> assertThat(b.callbackData()).isNotEmpty()); // the chat's languages
        assertThat(first.text()).startsWith("आप एक निजी फ़ॉर्म में भी जवाब दे सकती हैं");
        emulator.awaitChat(sita.chatId(), chat -> emulator.menuButton().path("type").asText().equals("web_app"), WAIT);
        assertThat(emulator.menuButton().path("web_app").path("url").asText()).isEqualTo("https://gawahi.example.org/form/");
        assertThat(emulator.menuButton().path("text").asText()).isEqualTo("निजी फ़ॉर्म");
    }

    @Test
    void withoutAPublicUrlTheChatIsAsBeforeAndThereIsNoForm() throws Exception {
        app = GawahiApplication.start(settings(TelegramSettings.polling(Secret.of(TOKEN),
                URI.create(emulator.baseUrl()))).withHealthPort(0));
        User sita = emulator.user(5702, "Sita", null, "hi");

        emulator.sendText(sita, "/start");
        ChatMessage first = emulator.awaitBotMessage(sita.chatId(), m -> !m.buttons().isEmpty(), WAIT);

        assertThat(first.buttons()).allSatisfy(b -> assertThat(b.webApp()).isEmpty());
        assertThat(first.text()).doesNotContain("फ़ॉर्म");
        assertThat(emulator.menuButton().path("type").asText()).isEqualTo("default");
        HttpResponse<String> page = get("/form/");
        assertThat(page.statusCode()).isEqualTo(404);
        assertFormHeaders(page);
        assertThat(post("/form/api/open", "{\"initData\":\"" + launch(5702) + "\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void pollingWithTheFormServesItOnThePublicPortAndHealthNowhereThere() throws Exception {
        startWithTheForm();

        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(GawahiApplication.healthUrl(app)).isEmpty();
        assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        HttpResponse<String> page = get("/form/");
        assertThat(page.statusCode()).isIn(200, 404); // 404 until the page's bundle is built into the jar
        assertFormHeaders(page);
        for (String elsewhere : List.of("/form/other.js", "/form/../application.properties", "/form/api/nothing")) {
            HttpResponse<String> answer = get(elsewhere);
            assertThat(answer.statusCode()).as(elsewhere).isIn(400, 404);
        }
        assertFormHeaders(get("/form/api/nothing"));
    }

    @Test
    void opensAndTakesOneSealedTestimonyPerLaunchOverHttp() throws Exception {
        startWithTheForm();
        listen(); // Spring Boot reset the logging context while starting
        String launch = launch(5703);

        HttpResponse<String> open = post("/form/api/open", JSON.createObjectNode().put("initData", launch).toString());
        assertThat(open.statusCode()).isEqualTo(200);
        assertFormHeaders(open);
        JsonNode opened = JSON.readTree(open.body());
        assertThat(opened.at("/key/id").asText()).isEqualTo(sealer.keyId());
        assertThat(opened.get("language").asText()).isEqualTo("hi");

        String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        byte[] record = sealer.seal(new TestimonyContent("raid", 1, "hi", Map.of("q2", List.of("mh")),
                Map.of("q29", "x")).toJson(), SealedSubmissions.associatedData(id, 1, sealer.keyId()));
        ObjectNode body = JSON.createObjectNode().put("initData", launch).put("id", id)
                .put("record", Base64.getEncoder().encodeToString(record));
        body.putNull("contactLanguage");

        HttpResponse<String> sent = post("/form/api/submit", body.toString());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertFormHeaders(sent);
        assertThat(JSON.readTree(sent.body()).get("receipt").asText()).matches("\\d{4} \\d{4} \\d{4} \\d{4}");

        // Another record id for the same launch (replacing one hex digit left it unchanged when the id began with f).
        String another = (id.charAt(0) == '0' ? "1" : "0") + id.substring(1);
        HttpResponse<String> again = post("/form/api/submit", body.put("id", another).toString());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"error\":\"already_sent\"}");
        assertFormHeaders(again);

        HttpResponse<String> forged = post("/form/api/submit", body.put("initData", launch.replace("hash=", "hash=0"))
                .toString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertFormHeaders(forged);

        // No message in her chat for a form testimony: Telegram does not learn when she sent it.
        assertThat(emulator.chat(5703).messages()).isEmpty();
        // No access log, no request logging: no line names the path, an address, the client or her.
        assertThat(app.getEnvironment().getProperty("server.tomcat.accesslog.enabled")).isEqualTo("false");
        assertThat(logged.list).extracting(e -> e.getFormattedMessage()).isNotEmpty().allSatisfy(line ->
                assertThat(line).doesNotContain("/form", "127.0.0.1", "Java-http-client", "5703", id, "hash="));
        assertThat(logged.list).filteredOn(e -> e.getLoggerName().contains("form"))
                .extracting(e -> e.getFormattedMessage())
                .containsExactly("form refused a request: already_sent (1 so far)",
                        "form refused a request: launch_invalid (1 so far)");
    }

    @Test
    void aBodyTooBigIsRefusedBeforeItIsRead() throws Exception {
        startWithTheForm();
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(local("/form/api/submit"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).isEqualTo("{\"error\":\"too_big\"}");
        assertFormHeaders(refused);
    }
}
