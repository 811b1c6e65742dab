package org.gawahi.bot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.RecordedRequest;
import org.gawahi.storage.TestStorage;

/**
 * The load figures: N people (default 1 000) give a whole testimony at once to the real bot
 * (sealed SQLite drafts and submissions, TEST Argon2 keys) running in a child JVM, against the
 * local Bot API emulator in this JVM; then the same people press as many buttons on an echo bot
 * that keeps nothing but shows the same screens (same client, same emulator code, a fresh
 * instance), and the ratio of throughputs; from {@link #main}, also on a bare echo bot (two words
 * and one button), for comparison.
 *
 * <pre>
 * ./mvnw -q -o -B -pl bot -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp bot/target/test-classes:bot/target/classes:$(cat bot/target/test-classpath.txt) \
 *     org.gawahi.bot.bench.LoadBenchmark 1000 [warm-up people, default 0]
 * </pre>
 * Prints one line per bot (with the child JVM's processor time per update) and the ratio. The latency is measured where the person is: from her
 * update to the moment the bot's call changed her chat, so it includes the wait for the next
 * getUpdates; it is an upper bound on the time inside the bot.
 */
public final class LoadBenchmark {
    /** One run's figures. */
    public record Figures(int people, int updates, Duration elapsed, double updatesPerSecond, Duration p50,
                          Duration p99, long peakRssKb, long rssAtEndKb, Duration firstPoll, int retries,
                          int unfinished, long cpuMillis, long compilerCpuMillis,
                          int unansweredPresses) {
        String line(String name) {
            return String.format(Locale.ROOT,
                    "%-6s people=%d updates=%d in %.1f s: %.0f updates/s; person-to-reply p50=%d ms p99=%d ms; "
                            + "RSS peak=%d MB end=%d MB; first poll %d ms after exec; retries=%d unfinished=%d; "
                            + "presses unanswered at the end=%d; "
                            + "bot CPU %.2f ms/update (of which JIT compiler %.2f)",
                    name, people, updates, elapsed.toMillis() / 1000.0, updatesPerSecond, p50.toMillis(),
                    p99.toMillis(), peakRssKb / 1024, rssAtEndKb / 1024, firstPoll.toMillis(), retries, unfinished,
                    unansweredPresses,
                    cpuMillis / (double) Math.max(1, updates), compilerCpuMillis / (double) Math.max(1, updates));
        }
    }

    /**
     * The bot's and the echo bot's figures from one run: {@code echo} shows the real bot's
     * screens (same texts and keyboards: the yardstick of the target), {@code bareEcho}, when
     * run, a two-word text and one button.
     */
    public record Result(Figures gawahi, Figures echo, Optional<Figures> bareEcho) {
        public double ratio() {
            return gawahi.updatesPerSecond() / echo.updatesPerSecond();
        }
    }

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path work = Files.createTempDirectory("gawahi-load");
        Result result = run(people, warmUp, work, Duration.ofMinutes(20), true);
        System.out.println(result.gawahi().line("gawahi"));
        System.out.println(result.echo().line("echo"));
        Figures bare = result.bareEcho().orElseThrow();
        System.out.println(bare.line("bare"));
        System.out.printf(Locale.ROOT, "ratio gawahi/echo throughput = %.2f (echo with the same screens; against the "
                        + "bare echo, two words and one button: %.2f) (JVM flags of all bots: %s; warm-up: %d people first)%n",
                result.ratio(), result.gawahi().updatesPerSecond() / bare.updatesPerSecond(),
                String.join(" ", ChildBot.JVM_FLAGS), warmUp);
        System.exit(result.gawahi().unfinished() + result.echo().unfinished() + bare.unfinished() == 0 ? 0 : 1);
    }

    /**
     * Each bot first serves {@code warmUp} people, in rounds of at most {@code people} at once: the
     * warm-up never holds more live conversations than the measured crowd.
     */
    private static void warmUp(BotApiEmulator emulator, Script script, int people, int warmUp, String mode,
                               Duration timeout) throws InterruptedException {
        for (int served = 0; served < warmUp; served += people) {
            int round = Math.min(people, warmUp - served);
            try (Crowd early = new Crowd(emulator, script, round, 7_000_000_000L + served,
                    i -> "They came in the morning, person " + i + ".", Duration.ofSeconds(60), 2)) {
                early.start();
                if (!early.await(timeout)) {
                    throw new IllegalStateException(mode + " bot did not finish the warm-up");
                }
            }
        }
    }

    /** With {@code -Dgawahi.bench.threads=true}: the Bot API calls the bot made during the measured crowd, by method. */
    private static void printCalls(String name, List<RecordedRequest> requests, int before) {
        requests.subList(before, requests.size()).stream()
                .collect(Collectors.groupingBy(RecordedRequest::method, TreeMap::new, Collectors.counting()))
                .forEach((method, count) -> System.out.printf(Locale.ROOT, "  %s call %-20s %d%n", name, method,
                        count));
    }

    /** With {@code -Dgawahi.bench.threads=true}: where the bot's processor time went, by thread. */
    private static void printByThread(String mode, Map<String, Long> before, Map<String, Long> after, int updates) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %s %-20s %.3f ms/update%n", mode, e.getKey(),
                        e.getValue() / (double) Math.max(1, updates)));
    }

    public static Result run(int people, Path work, Duration timeout) throws Exception {
        return run(people, 0, work, timeout, false);
    }

    /**
     * With {@code warmUp} people, each bot first serves that many people (the same script, other
     * chats, in rounds of at most {@code people} at once) before the measured crowd starts, so
     * that both are measured as a bot that has been running a while (its code compiled by the
     * JIT), not as one just started; 0 measures from cold. Memory and processor time are those
     * of the measured crowd only.
     */
    public static Result run(int people, int warmUp, Path work, Duration timeout, boolean bare) throws Exception {
        Figures gawahi = phase("gawahi", "gawahi", Script.testimony(), people, warmUp, work.resolve("gawahi"), timeout,
                List.of());
        int pressesEach = Math.max(1, gawahi.updates() / people - 1);
        List<Screen> screens = EchoScreens.ofOneTestimony(work.resolve("screens"));
        Figures echo = phase("echo", "echo", Script.echo(pressesEach), people, warmUp, work.resolve("echo"), timeout,
                screens);
        Optional<Figures> bareEcho = Optional.empty();
        if (bare) {
            bareEcho = Optional.of(phase("echo", "bare", Script.echo(pressesEach), people, warmUp, work.resolve("bare"),
                    timeout, List.of()));
        }
        return new Result(gawahi, echo, bareEcho);
    }

    private static Figures phase(String mode, String name, Script script, int people, int warmUp, Path data,
                                 Duration timeout, List<Screen> echoScreens) throws Exception {
        try (BotApiEmulator emulator = BotApiEmulator.start(BotProcess.TOKEN)) {
            if (!echoScreens.isEmpty()) {
                EchoScreens.write(echoScreens, Files.createDirectories(data).resolve(BotProcess.ECHO_SCREENS));
            }
            if (mode.equals("gawahi")) {
                // `keys init` is done once, before the bot ever starts: not part of its start-up.
                TestStorage.create(data).close();
            }
            long exec = System.nanoTime();
            try (ChildBot bot = ChildBot.start(mode, data, emulator.baseUrl())) {
                emulator.awaitPolling(Duration.ofSeconds(60));
                Duration firstPoll = Duration.ofNanos(System.nanoTime() - exec);
                warmUp(emulator, script, people, warmUp, mode, timeout);
                boolean peakReset = bot.resetPeakResident();
                bot.startProfile();
                long cpuBefore = bot.cpuMillis();
                long jitBefore = bot.compilerCpuMillis();
                Map<String, Long> threadsBefore = bot.cpuMillisByThread();
                int requestsBefore = emulator.requests().size();
                try (Crowd crowd = new Crowd(emulator, script, people, 8_000_000_000L,
                        i -> "They came at night, person " + i + ".", Duration.ofSeconds(60), 2)) {
                    long peak = 0;
                    crowd.start();
                    long deadline = System.nanoTime() + timeout.toNanos();
                    while (!crowd.await(Duration.ofMillis(250)) && System.nanoTime() < deadline) {
                        if (!bot.isAlive()) {
                            throw new IllegalStateException(mode + " bot died: " + bot.output());
                        }
                        peak = Math.max(peak, bot.residentKb());
                    }
                    long cpu = bot.cpuMillis() - cpuBefore;
                    long jit = bot.compilerCpuMillis() - jitBefore;
                    bot.dumpProfile(name);
                    if (Boolean.getBoolean("gawahi.bench.threads")) {
                        printByThread(name, threadsBefore, bot.cpuMillisByThread(), crowd.updates());
                        printCalls(name, emulator.requests(), requestsBefore);
                    }
                    // Her button spins until the bot answers the press: answers still owed when
                    // the last person is done are work the bot put off past the measured time.
                    int unanswered = emulator.unansweredCallbacks().size();
                    long end = bot.residentKb();
                    // The kernel's high-water mark, once reset, covers the measured run only; where it
                    // cannot be reset, it would count the warm-up too, so the samples stand alone.
                    peak = Math.max(peak, end);
                    if (peakReset) {
                        peak = Math.max(peak, bot.peakResidentKb());
                    }
                    Duration elapsed = crowd.elapsed();
                    double perSecond = crowd.updates() / Math.max(1e-9, elapsed.toNanos() / 1e9);
                    return new Figures(people, crowd.updates(), elapsed, perSecond, crowd.latencies().quantile(0.5),
                            crowd.latencies().quantile(0.99), peak, end, firstPoll, crowd.retries(),
                            crowd.unfinished().size(), cpu, jit, unanswered);
                }
            }
        }
    }

}
