package org.gawahi.bot.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.telegram.EchoBot;
import org.gawahi.bot.telegram.SendLimits;
import org.gawahi.bot.telegram.Sleeper;
import org.gawahi.bot.telegram.TelegramBot;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.secret.Secret;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.updates.UpdateOffsets;

/**
 * A bot in a JVM of its own, for honest resident memory and for SIGKILL: {@code gawahi} runs
 * the real {@link TelegramBot} on sealed SQLite drafts and submissions in the data directory
 * (keys made with the TEST Argon2 profile on first use, as {@code keys init} would: the benchmark
 * makes them before it starts the clock); {@code echo}
 * runs the {@link EchoBot}. Runs until killed.
 *
 * <p>Arguments: {@code gawahi|echo <data dir> <emulator base URL>}.
 */
public final class BotProcess {
    static final String TOKEN = "123456:LOAD-gawahi-token";
    /** The screens the echo bot shows, when this file is in its data directory ({@link EchoScreens}). */
    static final String ECHO_SCREENS = "echo-screens.bin";
    /**
     * The emulator does not rate-limit: pacing off, so the figures measure the bot, not the pacing.
     * Retries as stubborn as {@link SendLimits#telegram()}'s (about 6 s of tries on 5xx and drops).
     */
    static final SendLimits UNPACED = new SendLimits(1_000_000, 1_000_000, 1_000_000, 1_000_000, 6,
            Duration.ofMillis(200), 100);

    private BotProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path data = Path.of(args[1]);
        URI api = URI.create(args[2]);
        if (mode.equals("echo")) {
            Path screens = data.resolve(ECHO_SCREENS);
            new EchoBot(TOKEN, api, Files.exists(screens) ? EchoScreens.read(screens) : List.of()).start();
        } else {
            Clock clock = Clock.systemUTC();
            // Started with the passphrase, as a collective that reviews in Telegram runs it: a kill's
            // restart then resumes the drafts of the run before (intake-only, they would be lost by
            // design, and the crash tests would see people start over).
            TestStorage storage = TestStorage.createUnlocked(data, clock);
            Questionnaire questionnaire = RaidQuestionnaire.load(Files.createDirectories(data.resolve("questionnaire")));
            Interview interview = new Interview(questionnaire, storage.drafts, storage.submissions, clock);
            // With the sealed outbox, as `gawahi run` wires it: her messages' deletions and the receipts
            // are owed through it, so the figures and the kills include its cost.
            new TelegramBot(TelegramSettings.polling(Secret.of(TOKEN), api), interview::handle, questionnaire,
                    storage.db, new UpdateOffsets(storage.db), clock, UNPACED, Sleeper.system(),
                    new org.gawahi.storage.outbox.SealedOutbox(storage.db, storage.keys.sealer(), clock,
                            TestStorage.RANDOM),
                    java.util.Optional.of(storage.unlock())).start();
        }
        System.out.println("STARTED");
        new CountDownLatch(1).await();
    }
}
