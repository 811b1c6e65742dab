package org.gawahi.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.storage.testimony.TestimonyStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bot in a child JVM, under load from people in this JVM, killed with SIGKILL at random
 * moments and started again on the same data directory, again and again. Afterwards every
 * receipt a person noted exists, is pending and opens to a testimony holding her answer; no
 * testimony exists twice unless its receipt was lost to a kill (the bot committed it and died
 * before it could say so: she then starts again, which is the safe side); and every person
 * continued where she was after each restart: she saw the language choice again only in that
 * lost-receipt case (or after sending /start again herself), never because a draft was lost. No
 * draft holding her answers is left at the end.
 *
 * <p>Run by failsafe ({@code ./mvnw verify}); {@code -Dgawahi.crash.seed=N} repeats a run. The
 * long variant is tagged {@code full}.
 */
class LoadCrashIT {
    private static final long SEED = Long.getLong("gawahi.crash.seed", System.nanoTime());

    @TempDir
    Path work;

    @Test
    void fortyPeopleSurviveFiveKills() throws Exception {
        killUnderLoad(40, 5);
    }

    @Test
    @Tag("full")
    void twoHundredPeopleSurviveTwentyFiveKills() throws Exception {
        killUnderLoad(200, 25);
    }

    private void killUnderLoad(int people, int kills) throws Exception {
        Random random = new Random(SEED);
        Path data = work.resolve("data");
        try (BotApiEmulator emulator = BotApiEmulator.start(BotProcess.TOKEN);
             Crowd crowd = new Crowd(emulator, Script.testimony(), people, 9_200_000_000L, SealedLedger::canary,
                     Duration.ofSeconds(5), 2)) {
            for (int kill = 0; kill <= kills; kill++) {
                try (ChildBot bot = ChildBot.start("gawahi", data, emulator.baseUrl())) {
                    awaitStarted(bot);
                    if (kill == 0) {
                        crowd.start();
                    }
                    if (kill == kills) {
                        assertThat(crowd.await(Duration.ofSeconds(120)))
                                .as("seed %d: %d unfinished; bot output: %s", SEED, crowd.unfinished().size(),
                                        bot.output()).isTrue();
                    } else {
                        Thread.sleep(400 + random.nextInt(1_600));
                        assertThat(bot.isAlive()).as("bot output: %s", bot.output()).isTrue();
                    }
                } // SIGKILL
            }
            check(crowd, data, kills);
        }
    }

    private static void awaitStarted(ChildBot bot) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!bot.output().contains("STARTED")) {
            assertThat(bot.isAlive() && System.nanoTime() < deadline).as("bot output: %s", bot.output()).isTrue();
            Thread.sleep(20);
        }
    }

    private static void check(Crowd crowd, Path data, int kills) throws Exception {
        List<Crowd.Person> people = crowd.people();
        Map<Long, String> canaries = people.stream().collect(Collectors.toMap(p -> p.user.chatId(), p -> p.freeText));
        SealedLedger ledger = new SealedLedger(data, canaries,
                people.stream().map(p -> p.noted().orElseThrow()).toList());
        String when = "seed " + SEED;
        assertThat(ledger.integrity).as(when).isEqualTo("ok");
        assertThat(ledger.statusByReceipt).as(when).allSatisfy((receipt, status) ->
                assertThat(status).as("%s: receipt %s", when, receipt).contains(TestimonyStatus.PENDING));
        int restartsSeen = 0;
        for (Crowd.Person person : people) {
            int stored = ledger.testimoniesByCanary.get(person.freeText);
            int startedOver = person.startedOver();
            assertThat(stored).as("%s: testimonies of %s", when, person.freeText).isBetween(1, 1 + startedOver);
            // A /start she sent again (the bot showed her nothing yet) may be answered after she went on.
            assertThat(startedOver).as("%s: %s started over though her receipt was shown", when, person.freeText)
                    .isLessThanOrEqualTo(stored - 1 + person.startsRepeated());
            restartsSeen += startedOver;
        }
        assertThat(restartsSeen).as(when).isLessThanOrEqualTo(kills);
        assertThat(ledger.testimonies).as(when).isEqualTo(ledger.testimoniesByCanary.values().stream()
                .mapToInt(Integer::intValue).sum());
        // A press still in flight when her receipt came begins a new conversation (an empty draft that
        // expires); no draft may still hold her answers once her receipt was shown.
        assertThat(ledger.answeredDraftByCanary).as(when).allSatisfy((canary, draft) -> assertThat(draft).isFalse());
        System.out.printf("crash under load: %d people, %d kills, %d testimonies, %d receipts lost to a kill and "
                + "given again, %d presses repeated after a restart, %d new empty drafts (seed %d)%n", people.size(),
                kills, ledger.testimonies, restartsSeen, crowd.retries(),
                ledger.draftByCanary.values().stream().filter(Boolean::booleanValue).count(), SEED);
    }
}
