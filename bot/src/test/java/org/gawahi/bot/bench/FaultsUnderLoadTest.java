package org.gawahi.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty people give their testimony at once to the real bot (child JVM, sealed SQLite) while the
 * emulator throws 429 storms, 500s, dropped connections, lost replies and slow replies at it.
 * Every conversation completes; every person took exactly the steps of a quiet run (no screen
 * repeated, skipped or shown out of order, since she acts on the newest screen she sees); each
 * chat ends showing only her receipt; every receipt shown exists once, opens and holds her answer.
 */
class FaultsUnderLoadTest {
    private static final long SEED = Long.getLong("gawahi.faults.seed", System.nanoTime());
    private static final int PEOPLE = 30;
    private static final Duration FAULTY = Duration.ofSeconds(15);
    private static final List<String> SENDS = List.of("editMessageText", "sendMessage", "answerCallbackQuery");
    /** A lost reply to sendMessage makes Telegram show the message twice; the Bot API offers no cure. */
    private static final List<String> SAFE_TO_LOSE_THE_REPLY = List.of("editMessageText", "answerCallbackQuery",
            "getUpdates", "deleteMessages");

    @TempDir
    Path work;

    @Test
    void everyConversationCompletesInOrderAndEveryShownReceiptIsStoredOnceUnderFaults() throws Exception {
        Random random = new Random(SEED);
        Path data = work.resolve("data");
        try (BotApiEmulator emulator = BotApiEmulator.builder(BotProcess.TOKEN).random(new Random(SEED)).start();
             ChildBot bot = ChildBot.start("gawahi", data, emulator.baseUrl());
             Crowd crowd = new Crowd(emulator, Script.testimony(), PEOPLE, 9_100_000_000L, SealedLedger::canary,
                     Duration.ofSeconds(20), 2)) {
            emulator.awaitPolling(Duration.ofSeconds(60));
            emulator.faults().delay(Duration.ofMillis(20)).serverErrorProbability(0.01);
            ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor(Crowd::daemon);
            chaos.scheduleWithFixedDelay(() -> oneFault(emulator, random), 0, 500, TimeUnit.MILLISECONDS);
            // Faults while the crowd is busy: once only stragglers are left, they would all hit the same few chats.
            chaos.schedule(() -> {
                chaos.shutdownNow();
                emulator.faults().clear();
            }, FAULTY.toMillis(), TimeUnit.MILLISECONDS);
            try {
                crowd.start();
                boolean finished = crowd.await(Duration.ofSeconds(120));
                assertThat(finished).as("seed %d: unfinished: %s%nbot output: %s", SEED, crowd.describeUnfinished(),
                        bot.output()).isTrue();
            } finally {
                chaos.shutdownNow();
            }
            System.out.printf("faults under load: %d people, %d requests, %d refused or dropped, %d presses repeated "
                    + "after 20 s of silence (seed %d)%n", PEOPLE, emulator.requests().size(),
                    emulator.requests().stream().filter(r -> r.status() != 200).count(), crowd.retries(), SEED);
            assertThat(emulator.requests().stream().map(r -> r.status()).distinct())
                    .as("seed %d", SEED).contains(429, 500, 0);
            List<Crowd.Person> people = crowd.people();
            assertThat(people.stream().filter(p -> p.retries() == 0).map(Crowd.Person::actions).distinct())
                    .as("steps per person who never had to press twice, seed %d", SEED).hasSize(1);
            for (Crowd.Person person : people) {
                List<ChatMessage> left = emulator.chat(person.user.chatId()).messages();
                assertThat(left).as("seed %d", SEED).hasSize(1);
                assertThat(left.get(0).text()).contains(person.noted().orElseThrow().substring(0, 4));
            }
            bot.kill();
            Map<Long, String> canaries = people.stream().collect(Collectors.toMap(p -> p.user.chatId(),
                    p -> p.freeText));
            SealedLedger ledger = new SealedLedger(data, canaries,
                    people.stream().map(p -> p.noted().orElseThrow()).toList());
            assertThat(ledger.integrity).isEqualTo("ok");
            assertThat(ledger.testimonies).isEqualTo(PEOPLE);
            assertThat(ledger.testimoniesByCanary).as("seed %d", SEED).allSatisfy((c, n) -> assertThat(n).isOne());
            assertThat(ledger.statusByReceipt).as("seed %d", SEED)
                    .allSatisfy((r, s) -> assertThat(s).contains(TestimonyStatus.PENDING));
            assertThat(ledger.draftByCanary).allSatisfy((c, d) -> assertThat(d).isFalse());
        }
    }

    /**
     * Now and then one of: a short 429 storm, a few 500s or dropped requests on the calls to chats,
     * lost replies (besides the 1 % of every call, getUpdates included, that fails with 500).
     */
    private static void oneFault(BotApiEmulator emulator, Random random) {
        switch (random.nextInt(5)) {
            case 0 -> emulator.faults().tooManyRequestsFor(Duration.ofMillis(200 + random.nextInt(600)), 1);
            case 1 -> emulator.faults().serverErrors(SENDS.get(random.nextInt(3)), 1 + random.nextInt(3));
            case 2 -> emulator.faults().dropRequests(SENDS.get(random.nextInt(3)), 1 + random.nextInt(2));
            case 3 -> emulator.faults().dropResponses(SAFE_TO_LOSE_THE_REPLY.get(random.nextInt(4)), 1);
            default -> {
                // a quiet moment
            }
        }
    }

}
