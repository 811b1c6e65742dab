package org.gawahi.bot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.gawahi.bot.RaidQuestionnaire;

import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.secret.Secret;
import org.gawahi.storage.db.Database;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.SealedDraftStore;
import org.gawahi.storage.testimony.SealedSubmissions;
import org.gawahi.storage.testimony.TestimonyTable;
import org.gawahi.storage.updates.UpdateOffsets;

/**
 * One emulator, the sealed SQLite stores in a temp data directory (as `gawahi run` wires them),
 * the engine, and a
 * bot (the real telegrambots client over HTTP) that can be stopped and started again over the
 * same database and stores, as a restarted process would be.
 */
final class BotHarness implements AutoCloseable {
    static final String TOKEN = "123456:TEST-gawahi-token";
    /** Fast limits, so that end-to-end tests take seconds; the real ones are tested on a fake clock. */
    static final SendLimits FAST = new SendLimits(500, 500, 200, 200, 5, Duration.ofMillis(20), 50);
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final Questionnaire QUESTIONNAIRE = loadQuestionnaire();

    final BotApiEmulator emulator;
    final TestStorage storage;
    final Database database;
    final UpdateOffsets offsets;
    final SealedDraftStore drafts;
    final SealedSubmissions submissions;
    final TestimonyTable testimonies;
    final Interview interview;
    final org.gawahi.storage.outbox.SealedOutbox outbox;
    private final Clock clock;
    private TelegramBot bot;
    /** Unlocked unless a test {@linkplain #intakeOnly() says otherwise}; closed with the harness. */
    private java.util.Optional<org.gawahi.storage.crypto.Opener> opener = java.util.Optional.empty();
    private boolean unlocked = true;

    /** Update ids of a second Telegram, far above the first's: its updates are new to a copied database. */
    static final long LATER_UPDATE_IDS = 900_000_001L;

    private BotHarness(Path dataDir, boolean unlockedStorage) throws Exception {
        this(dataDir, unlockedStorage, BotApiEmulator.start(TOKEN), Clock.systemUTC());
    }

    private BotHarness(Path dataDir, Clock clock) throws Exception {
        this(dataDir, false, BotApiEmulator.start(TOKEN), clock);
    }

    /**
     * {@code unlockedStorage}: whether the stores (drafts) start with the passphrase; the bot's
     * outbox is unlocked unless a test calls {@link #intakeOnly()}.
     */
    private BotHarness(Path dataDir, boolean unlockedStorage, BotApiEmulator emulator, Clock clock) throws Exception {
        this.clock = clock;
        this.emulator = emulator;
        storage = unlockedStorage ? TestStorage.createUnlocked(dataDir, clock) : TestStorage.create(dataDir, clock);
        outbox = new org.gawahi.storage.outbox.SealedOutbox(storage.db, storage.keys.sealer(), clock, TestStorage.RANDOM);
        database = storage.db;
        offsets = new UpdateOffsets(database);
        drafts = storage.drafts;
        submissions = storage.submissions;
        testimonies = new TestimonyTable(database);
        interview = new Interview(QUESTIONNAIRE, drafts, submissions, clock);
    }

    /** Starts intake-only (no passphrase), as the bot starts after a reboot. */
    static BotHarness start(Path dataDir) throws Exception {
        BotHarness harness = new BotHarness(dataDir, false);
        harness.startBot();
        return harness;
    }

    /**
     * Starts on a copy of another harness's data directory (intake-only, or with the
     * passphrase), its emulator's update ids following the first's as Telegram's would.
     */
    static BotHarness startOnCopy(Path dataDir, boolean unlocked) throws Exception {
        BotHarness harness = new BotHarness(dataDir, unlocked,
                BotApiEmulator.builder(TOKEN).firstUpdateId(LATER_UPDATE_IDS).start(), Clock.systemUTC());
        harness.unlocked = unlocked;
        harness.startBot();
        return harness;
    }

    static BotHarness withoutBot(Path dataDir) throws Exception {
        return new BotHarness(dataDir, false);
    }

    /** A harness whose bot and stores read the time from {@code clock} (the emulator keeps its own). */
    static BotHarness withoutBot(Path dataDir, Clock clock) throws Exception {
        return new BotHarness(dataDir, clock);
    }

    /** The next bots start without the passphrase: the outbox is written but cannot be opened. */
    void intakeOnly() {
        unlocked = false;
    }

    /** The next bots start with the passphrase. */
    void unlocked() {
        unlocked = true;
    }

    static Questionnaire questionnaire() {
        return QUESTIONNAIRE;
    }

    /** The shared fixture's raid questionnaire, copied once per test JVM into a folder removed at exit. */
    private static Questionnaire loadQuestionnaire() {
        try {
            Path folder = Files.createTempDirectory("gawahi-telegram-tests");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
            return RaidQuestionnaire.load(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    TelegramSettings pollingSettings() {
        return TelegramSettings.polling(Secret.of(TOKEN), URI.create(emulator.baseUrl()));
    }

    TelegramBot startBot() {
        return startBot(UnaryOperator.identity());
    }

    /** Starts a bot whose engine may be wrapped (to make it fail on purpose). */
    TelegramBot startBot(UnaryOperator<Desk> engineWrapper) {
        return startBot(pollingSettings(), engineWrapper);
    }

    TelegramBot startBot(TelegramSettings settings, UnaryOperator<Desk> engineWrapper) {
        if (bot != null) {
            throw new IllegalStateException("a bot is running");
        }
        return startBot(settings, engineWrapper,
                new ClientBotApi(settings.token(), settings.apiUrl(), Duration.ofSeconds(10)));
    }

    /** Starts a bot on the given client (to wrap it), with the sealed outbox, unlocked unless told otherwise. */
    TelegramBot startBot(TelegramSettings settings, UnaryOperator<Desk> engineWrapper, BotApi api) {
        if (bot != null) {
            throw new IllegalStateException("a bot is running");
        }
        if (unlocked && opener.isEmpty()) {
            try {
                opener = java.util.Optional.of(storage.unlock());
            } catch (org.gawahi.storage.crypto.VaultException e) {
                throw new IllegalStateException(e);
            }
        }
        bot = new TelegramBot(settings, api, engineWrapper.apply(interview), QUESTIONNAIRE, database, offsets,
                clock, FAST, Sleeper.system(), PollingLoop.POLL_TIMEOUT_SECONDS,
                ChatOutbox.sealed(outbox, unlocked ? opener : java.util.Optional.empty(), clock));
        bot.start();
        return bot;
    }

    TelegramBot bot() {
        return bot;
    }

    void stopBot() {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }

    /** Every stored testimony, opened with the test passphrase. */
    java.util.List<org.gawahi.storage.testimony.TestimonyContent> openTestimonies() throws Exception {
        java.util.List<org.gawahi.storage.testimony.TestimonyContent> opened = new java.util.ArrayList<>();
        try (org.gawahi.storage.crypto.Opener opener = storage.unlock()) {
            for (TestimonyTable.Row row : testimonies.sealedRows()) {
                try (org.gawahi.config.secret.SecretBytes plain = opener.open(row.sealed(),
                        SealedSubmissions.associatedData(row.id(), row.schemaVersion(), row.keyId()))) {
                    opened.add(org.gawahi.storage.testimony.TestimonyContent.fromJson(plain));
                }
            }
        }
        return opened;
    }

    /** Waits until every update is confirmed and every reply went out. */
    void settle() throws InterruptedException {
        emulator.awaitUpdatesConfirmed(WAIT);
        if (bot != null && !bot.awaitReplies(WAIT)) {
            throw new AssertionError("replies still queued after " + WAIT);
        }
    }

    @Override
    public void close() {
        stopBot();
        opener.ifPresent(org.gawahi.storage.crypto.Opener::close);
        emulator.close();
        storage.close();
    }
}
