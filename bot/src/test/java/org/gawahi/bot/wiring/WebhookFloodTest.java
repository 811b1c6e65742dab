package org.gawahi.bot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.config.secret.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 MB webhook bodies, with and without the secret, with and without a Content-Length, as
 * JSON, multipart or a form, sent from six connections for 20 seconds while genuine updates arrive: the bot reads none of
 * them into memory, answers the genuine ones, and logs no error. The bodies are generated as
 * they are written; nothing of 300 MB is ever allocated by the test.
 */
class WebhookFloodTest {
    static final String TOKEN = "654321:TEST-flood-token";
    static final String SECRET = "flood_Secret-42";
    static final long BODY = 300L << 20;
    static final Duration FLOOD = Duration.ofSeconds(20);
    static final long MB = 1L << 20;
    /** As small a heap as the attack used: one 300 MB body held in memory would not fit. */
    static final int BOT_HEAP_MB = 256;

    @TempDir
    Path dir;
    BotApiEmulator emulator;
    Process bot;
    Path botLog;
    int port;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.start(TOKEN);
        Path data = Files.createDirectories(dir.resolve("data"));
        new org.gawahi.storage.crypto.Keys(data, new java.security.SecureRandom(), java.time.Clock.systemUTC())
                .init(Secret.of("flood test passphrase"), org.gawahi.storage.crypto.Argon2Profile.TEST);
        Path questionnaire = RaidQuestionnaire.copyTo(dir.resolve("questionnaire"));
        botLog = dir.resolve("bot.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The heap fixed and touched from the start: resident memory then grows only by what the
        // heap cannot hold (threads, buffers, code), and a body held in the heap would not fit in it.
        bot = new ProcessBuilder(java, "-Xms" + BOT_HEAP_MB + "m", "-Xmx" + BOT_HEAP_MB + "m", "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"),
                WebhookFloodTarget.class.getName(), emulator.baseUrl(), data.toString(), questionnaire.toString(),
                TOKEN, SECRET)
                .redirectErrorStream(true)
                .redirectOutput(botLog.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (port == 0) {
            Optional<String> line = Files.readAllLines(botLog).stream().filter(l -> l.startsWith("PORT ")).findFirst();
            if (line.isPresent()) {
                port = Integer.parseInt(line.get().substring(5).strip());
            } else if (!bot.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the bot did not start:\n" + Files.readString(botLog));
            } else {
                Thread.sleep(100);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.getOutputStream().close();
            if (!bot.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
        emulator.close();
    }

    private int port() {
        return port;
    }

    /** What one hostile request got: how much of its body the server took, and its answer if any. */
    record Attempt(String kind, long accepted, int status) {
    }

    /**
     * Writes one request with a generated body of {@link #BODY} bytes until the server stops
     * taking it (an answer, a closed connection) or the body ends.
     */
    private Attempt flood(String kind, String secret, boolean chunked, String contentType) {
        long written = 0;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + WebhookController.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + (secret == null ? "" : WebhookController.SECRET_HEADER + ": " + secret + "\r\n")
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + BODY + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) '7');
            byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            InputStream in = socket.getInputStream();
            try {
                while (written < BODY && in.available() == 0) {
                    if (chunked) {
                        out.write(chunkHead);
                    }
                    out.write(block);
                    if (chunked) {
                        out.write(crlf);
                    }
                    written += block.length;
                }
            } catch (IOException closedByServer) {
                // the server stopped taking the body: what we want
            }
            return new Attempt(kind, written, status(in));
        } catch (IOException e) {
            return new Attempt(kind, written, -1);
        }
    }

    private static int status(InputStream in) {
        try {
            byte[] line = new byte[12];
            int n = in.readNBytes(line, 0, line.length);
            String text = new String(line, 0, n, StandardCharsets.US_ASCII);
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1; // reset before the answer could be read
        }
    }

    /** The bot process's resident memory, from /proc; 0 where there is no /proc. */
    private long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(bot.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: resident memory is not measured
        }
        return 0;
    }

    private int postGenuine(HttpClient http, long updateId, User person) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + WebhookController.PATH))
                .header("Content-Type", "application/json")
                .header(WebhookController.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(GawahiApplicationTest.start(updateId, person.chatId())))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void hugeBodiesFromSeveralConnectionsAreRefusedUnreadWhileGenuineUpdatesAreAnswered() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        User first = emulator.user(6_999, "Warm", null, "en");
        assertThat(postGenuine(http, 99, first)).isEqualTo(200);
        emulator.awaitBotMessage(first.chatId(), m -> !m.buttons().isEmpty(), GawahiApplicationTest.WAIT);
        long rssBefore = residentBytes();
        AtomicLong rssPeak = new AtomicLong(rssBefore);
        AtomicBoolean flooding = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + FLOOD.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        running.add(threads.submit(() -> {
            while (flooding.get()) {
                rssPeak.accumulateAndGet(residentBytes(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
        String json = "application/json";
        Object[][] kinds = {
                {"no secret, Content-Length", null, false, json},
                {"secret, Content-Length", SECRET, false, json},
                {"secret, chunked", SECRET, true, json},
                {"wrong secret, chunked", "wrong", true, json},
                {"no secret, multipart", null, true, "multipart/form-data; boundary=x"},
                {"no secret, form", null, false, "application/x-www-form-urlencoded"}};
        for (Object[] kind : kinds) {
            running.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    attempts.add(flood((String) kind[0], (String) kind[1], (Boolean) kind[2], (String) kind[3]));
                }
            }));
        }

        List<User> genuine = new ArrayList<>();
        List<Integer> genuineStatus = new ArrayList<>();
        for (int i = 0; System.nanoTime() < end; i++) {
            User person = emulator.user(7_000 + i, "P" + i, null, "en");
            genuine.add(person);
            genuineStatus.add(postGenuine(http, 100 + i, person));
            Thread.sleep(500);
        }
        for (Future<?> f : running.subList(1, running.size())) {
            f.get();
        }
        flooding.set(false);
        running.get(0).get();
        threads.shutdown();

        long rssGrowth = rssPeak.get() - rssBefore;
        System.out.printf("webhook flood: %d hostile requests of 300 MB (%d MB offered to the server, at most %d MB "
                        + "taken by one), %d genuine updates; bot resident memory %d MB before, peak +%d MB%n",
                attempts.size(), attempts.stream().mapToLong(Attempt::accepted).sum() / MB,
                attempts.stream().mapToLong(Attempt::accepted).max().orElse(0) / MB, genuine.size(),
                rssBefore / MB, rssGrowth / MB);

        assertThat(attempts).hasSizeGreaterThanOrEqualTo(kinds.length);
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.accepted()).as(a.kind()).isLessThan(50 * MB);
            assertThat(a.status()).as(a.kind()).isIn(401, 413, -1);
        });
        assertThat(attempts).anySatisfy(a -> assertThat(a.status()).isEqualTo(401));
        assertThat(attempts).anySatisfy(a -> assertThat(a.status()).isEqualTo(413));
        assertThat(genuineStatus).isNotEmpty().containsOnly(200);
        for (User person : genuine) {
            emulator.awaitBotMessage(person.chatId(), m -> !m.buttons().isEmpty(), GawahiApplicationTest.WAIT);
        }
        if (rssBefore > 0) {
            assertThat(rssGrowth).as("resident memory growth").isLessThan(50 * MB);
        }
        String log = Files.readString(botLog);
        assertThat(log).doesNotContain(" ERROR ", "OutOfMemoryError", "Exception");
        assertThat(log.lines().filter(l -> l.contains("without the right secret")).count())
                .as("log lines for thousands of refused requests").isLessThan(20);
        assertThat(bot.isAlive()).isTrue();
    }
}
