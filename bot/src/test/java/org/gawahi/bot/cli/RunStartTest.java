package org.gawahi.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.config.secret.Secret;
import org.gawahi.storage.crypto.Argon2Profile;
import org.gawahi.storage.crypto.Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gawahi run} as an operator meets it: the real jar's entry point in a child process,
 * with a clean environment, everything it prints on stdout and stderr. Every refused start is
 * at most three lines, without "Exception", exits non-zero and leaves the disk as it was.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunStartTest {
    static final String TOKEN = "777001:TEST-start-token";
    static final String PASSPHRASE = "start test passphrase";

    @TempDir
    Path tmp;
    BotApiEmulator emulator;
    Process running;

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = BotApiEmulator.start(TOKEN);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.destroy();
            running.waitFor(30, TimeUnit.SECONDS);
        }
        emulator.close();
    }

    record Outcome(int exitCode, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private Path dataWithKeys() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(
                DataDirectory.OWNER_ONLY));
        new Keys(data, new SecureRandom(), Clock.systemUTC()).init(Secret.of(PASSPHRASE), Argon2Profile.TEST);
        return data;
    }

    private Map<String, String> env(Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("GAWAHI_TELEGRAM_TOKEN", TOKEN);
        env.put("GAWAHI_TELEGRAM_API_URL", emulator.baseUrl());
        env.put("GAWAHI_DATA_DIR", data.toString());
        return env;
    }

    private ProcessBuilder gawahiRun(Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.gawahi.bot.Main", "run")
                .directory(tmp.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    private Outcome refused(Map<String, String> env) throws Exception {
        Process process = gawahiRun(env).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output.lines().filter(l -> !l.isBlank()).toList());
    }

    private static List<String> tree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(p -> dir.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }

    private static void assertPlainRefusal(Outcome outcome) {
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.lines()).hasSizeBetween(1, 3);
        assertThat(outcome.text()).doesNotContain("Exception", "APPLICATION FAILED", "\tat ", TOKEN, PASSPHRASE);
    }

    @Test
    void aMissingDataDirectoryIsNamedAndNotCreated() throws Exception {
        Path absent = tmp.resolve("absent");

        Outcome outcome = refused(env(absent));

        assertPlainRefusal(outcome);
        assertThat(outcome.text()).contains(absent.toString(), "does not exist", "keys init");
        assertThat(absent).doesNotExist();
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aDataDirectoryEveryUserCanWriteIsRefused() throws Exception {
        Path data = dataWithKeys();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> before = tree(data);

        Outcome outcome = refused(env(data));

        assertPlainRefusal(outcome);
        assertThat(outcome.text()).contains("every user", "chmod 700");
        assertThat(tree(data)).isEqualTo(before);
    }

    @Test
    void aDataDirectoryWithoutKeysIsRefusedAndStaysEmpty() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(
                DataDirectory.OWNER_ONLY));

        Outcome outcome = refused(env(data));

        assertPlainRefusal(outcome);
        assertThat(outcome.text()).contains("no keys", "keys init");
        assertThat(tree(data)).containsExactly(" " + data.toFile().length());
    }

    @Test
    void aWrongPassphraseStopsTheStartBeforeTheDatabaseOrLockExists() throws Exception {
        Path data = dataWithKeys();
        List<String> before = tree(data);
        Map<String, String> env = env(data);
        env.put("GAWAHI_PASSPHRASE", "not the passphrase at all");

        Outcome outcome = refused(env);

        assertPlainRefusal(outcome);
        assertThat(outcome.text()).contains("passphrase does not open");
        assertThat(tree(data)).isEqualTo(before);
    }

    @Test
    void aHealthPortInUseIsNamedAndNothingIsCreated() throws Exception {
        Path data = dataWithKeys();
        List<String> before = tree(data);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Map<String, String> env = env(data);
            env.put("GAWAHI_HEALTH_PORT", String.valueOf(taken.getLocalPort()));

            Outcome outcome = refused(env);

            assertPlainRefusal(outcome);
            assertThat(outcome.text()).contains("Port " + taken.getLocalPort(), "already in use");
        }
        assertThat(tree(data)).isEqualTo(before);
    }

    @Test
    void aTokenTelegramRefusesIsNamedAndNothingIsCreated() throws Exception {
        Path data = dataWithKeys();
        List<String> before = tree(data);
        Map<String, String> env = env(data);
        env.put("GAWAHI_TELEGRAM_TOKEN", "777002:TEST-not-this-bot");

        Outcome outcome = refused(env);

        assertPlainRefusal(outcome);
        assertThat(outcome.text()).contains("Telegram refused the bot token", "@BotFather")
                .doesNotContain("TEST-not-this-bot");
        assertThat(tree(data)).isEqualTo(before);
    }

    @Test
    void anUnreachableTelegramIsNamedAndNothingIsCreated() throws Exception {
        Path data = dataWithKeys();
        List<String> before = tree(data);
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        Map<String, String> env = env(data);
        env.put("GAWAHI_TELEGRAM_API_URL", "http://127.0.0.1:" + closed);

        Outcome outcome = refused(env);

        assertPlainRefusal(outcome);
        assertThat(outcome.text()).contains("Telegram could not be reached", "127.0.0.1:" + closed);
        assertThat(tree(data)).isEqualTo(before);
    }

    @Test
    void theStackTraceIsShownOnlyWithDebugLogging() throws Exception {
        Map<String, String> env = env(tmp.resolve("absent"));
        env.put("GAWAHI_LOG_LEVEL", "DEBUG");

        Outcome outcome = refused(env);

        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.text()).contains("does not exist", "\tat org.gawahi");
    }

    @Test
    void theStartLineNamesModeKeyAndTransportAndPollingListensNowhere() throws Exception {
        Path data = dataWithKeys();
        String keyId = new Keys(data, new SecureRandom(), Clock.systemUTC()).state().activeKeyId().orElseThrow();

        String line = firstLine(gawahiRun(env(data)));

        String grouped = keyId.replaceAll("(\\d{5})(?=\\d)", "$1 "); // as keys init prints the fingerprint
        assertThat(line).startsWith("gawahi is running intake-only").contains(grouped, "polling Telegram",
                "no health endpoint");
    }

    @Test
    void unlockedWithAHealthPortTheStartLineSaysWhereHealthAnswers() throws Exception {
        Path data = dataWithKeys();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Map<String, String> env = env(data);
        env.put("GAWAHI_PASSPHRASE", PASSPHRASE);
        env.put("GAWAHI_HEALTH_PORT", String.valueOf(port));

        String line = firstLine(gawahiRun(env));

        String health = "http://127.0.0.1:" + port + "/actuator/health";
        assertThat(line).startsWith("gawahi is running unlocked").contains("polling Telegram", "health at " + health);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(health)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"keys\":\"unlocked\"").doesNotContain("diskSpace", data.toString());
    }

    /** Starts the bot and returns the first line it prints that is not a log line. */
    private String firstLine(ProcessBuilder builder) throws IOException {
        running = builder.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("gawahi is running")) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("no start line; the bot printed: " + seen);
    }
}
