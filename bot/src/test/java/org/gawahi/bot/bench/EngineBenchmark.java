package org.gawahi.bot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;

/**
 * The interview engine alone, on sealed SQLite drafts and submissions, with no Telegram: the
 * same people and script as {@link LoadBenchmark}, 100 updates per transaction (as a batch of
 * the bot's), in one thread. Prints the cost of an update (wall clock, with the commits' waits
 * for the disk, and processor time of the thread), round after round,
 * so that a change to the engine or the draft store can be measured without the emulator's
 * noise; the load benchmark stays the figure that counts.
 *
 * <pre>
 * java -cp bot/target/test-classes:bot/target/classes:$(cat bot/target/test-classpath.txt) \
 *     org.gawahi.bot.bench.EngineBenchmark [people per round, default 500] [rounds, default 8]
 * </pre>
 */
public final class EngineBenchmark {
    private static final int BATCH = 100;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path data = Files.createTempDirectory("gawahi-engine");
        try (TestStorage storage = TestStorage.create(data)) {
            Questionnaire questionnaire = RaidQuestionnaire.load(Files.createDirectories(data.resolve("questionnaire")));
            Interview interview = new Interview(questionnaire, storage.drafts, storage.submissions, storage.clock);
            Script script = Script.testimony();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= rounds; round++) {
                long started = System.nanoTime();
                long cpuStarted = threads.getCurrentThreadCpuTime();
                int updates = round(interview, storage, script, people, round);
                double micros = (System.nanoTime() - started) / 1000.0 / updates;
                double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1000.0 / updates;
                System.out.printf(Locale.ROOT, "round %d: %d people, %d updates, %.1f µs/update (%.1f µs on the processor)%n",
                        round, people, updates, micros, cpuMicros);
            }
        }
    }

    /** Every person takes one step, then the next step, until all noted a receipt. */
    private static int round(Interview interview, TestStorage storage, Script script, int people, int round) {
        List<ChatRef> chats = new ArrayList<>();
        List<Screen> screens = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            chats.add(ChatRef.of(9_000_000_000L + round * 100_000L + i));
            screens.add(null);
        }
        int updates = 0;
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            active.add(i);
        }
        while (!active.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int from = 0; from < active.size(); from += BATCH) {
                List<Integer> batch = active.subList(from, Math.min(active.size(), from + BATCH));
                updates += storage.db.inTransaction(connection -> {
                    int done = 0;
                    for (int i : batch) {
                        Input input = EchoScreens.inputFor(script, screens.get(i), i);
                        if (input == null) {
                            continue;
                        }
                        screens.set(i, interview.handle(chats.get(i), "en", input).screen());
                        next.add(i);
                        done++;
                    }
                    return done;
                });
            }
            active = next;
        }
        return updates;
    }
}
