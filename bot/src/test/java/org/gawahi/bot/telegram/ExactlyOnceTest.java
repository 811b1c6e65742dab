package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Reply;
import org.gawahi.config.questionnaire.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every update applied once: duplicates ignored, a crash before the commit redelivered, failures skipped. */
class ExactlyOnceTest {
    @TempDir
    Path dataDir;
    BotHarness harness;
    Person priya;
    Texts en = BotHarness.questionnaire().texts("en");

    @BeforeEach
    void start() throws Exception {
        harness = BotHarness.withoutBot(dataDir);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theSameUpdateDeliveredTwiceIsAnsweredOnce() throws Exception {
        harness.startBot();
        priya = new Person(harness, 9201, "Priya", "priya_d", "en");
        harness.emulator.faults().duplicateDelivery(true);

        priya.types("/start");
        priya.presses("l:lang:en");
        priya.presses("a:c1:yes");

        assertThat(harness.emulator.requests("sendMessage")).hasSize(1);
        assertThat(harness.emulator.requests("editMessageText")).hasSize(2);
        assertThat(harness.emulator.answeredCallbacks()).hasSize(2);
        assertThat(priya.screen().text()).contains(en.questionText("c2"));
    }

    @Test
    void aRestartedBotContinuesWhereSheWasAndResumesAfterTheLastCommittedUpdate() throws Exception {
        harness.startBot();
        priya = new Person(harness, 9202, "Priya", "priya_d", "en");
        priya.types("/start");
        priya.presses("l:lang:en");
        priya.presses("a:c1:yes");
        long committed = harness.offsets.lastCommitted().orElseThrow();
        int edits = harness.emulator.requests("editMessageText").size();

        harness.stopBot();
        int screen = priya.screen().id();
        harness.emulator.pressButton(priya.user, screen, "a:c2:continue"); // while the bot is down
        harness.startBot();
        harness.settle();

        assertThat(harness.offsets.lastCommitted()).hasValue(committed + 1);
        assertThat(harness.emulator.requests("editMessageText")).hasSize(edits + 1);
        assertThat(priya.screen().id()).isEqualTo(screen);
        assertThat(priya.screen().text()).contains(en.questionText("c3"));
        assertThat(priya.chat().botMessages()).hasSize(1);
        assertThat(harness.emulator.unansweredCallbacks()).isEmpty();
    }

    @Test
    void aCrashBeforeTheCommitSaysNothingAndTheUpdateIsAppliedAfterTheRestart() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        harness.startBot(engine -> (chat, language, input) -> {
            if (input instanceof Input.Press p && p.buttonId().equals("a:c1:yes")) {
                inside.countDown();
                try {
                    new CountDownLatch(1).await(); // hangs until the process is "killed"
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("killed");
            }
            return engine.handle(chat, language, input);
        });
        priya = new Person(harness, 9203, "Priya", "priya_d", "en");
        priya.types("/start");
        priya.presses("l:lang:en");
        long committed = harness.offsets.lastCommitted().orElseThrow();
        String before = priya.screen().text();

        harness.emulator.pressButton(priya.user, priya.screen().id(), "a:c1:yes");
        inside.await();
        harness.stopBot();

        assertThat(harness.offsets.lastCommitted()).hasValue(committed);
        assertThat(priya.screen().text()).isEqualTo(before);
        assertThat(harness.emulator.requests("editMessageText")).hasSize(1); // the language press only
        assertThat(harness.emulator.requests("sendMessage")).hasSize(1);

        harness.startBot();
        harness.settle();

        assertThat(harness.offsets.lastCommitted()).hasValue(committed + 1);
        assertThat(priya.screen().text()).contains(en.questionText("c2"));
        assertThat(harness.emulator.requests("editMessageText")).hasSize(2);
    }

    @Test
    void anUpdateThatKeepsFailingIsSkippedAfterThreeTriesAndTheLoopGoesOn() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        harness.startBot(engine -> (chat, language, input) -> {
            if (input instanceof Input.Text t && t.text().equals("poison")) {
                tries.incrementAndGet();
                throw new IllegalStateException("broken");
            }
            return engine.handle(chat, language, input);
        });
        priya = new Person(harness, 9204, "Priya", "priya_d", "en");
        priya.types("/start");
        priya.presses("l:lang:en");
        harness.stopBot();
        // Three updates in one batch, the middle one poisoned.
        harness.emulator.sendText(priya.user, "/help");
        harness.emulator.sendText(priya.user, "poison");
        harness.emulator.sendSticker(priya.user);
        long last = harness.offsets.lastCommitted().orElseThrow() + 3;

        harness.startBot(engine -> (chat, language, input) -> {
            if (input instanceof Input.Text t && t.text().equals("poison")) {
                tries.incrementAndGet();
                throw new IllegalStateException("broken");
            }
            return engine.handle(chat, language, input);
        });
        harness.settle();

        assertThat(tries.get()).isEqualTo(1 + UpdateApplier.MAX_TRIES); // the batch, then three alone
        assertThat(harness.offsets.lastCommitted()).hasValue(last);
        assertThat(priya.screen().text()).startsWith(en.message("unsupported_input"));

        priya.presses("a:c1:yes");
        assertThat(priya.screen().text()).contains(en.questionText("c2"));
    }

    @Test
    void aFailureInOneChatOfABatchLosesNoOtherChatsUpdateAndAnswersEachOnce() throws Exception {
        java.util.List<Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(new Person(harness, 9300 + i, "P" + i, null, "en"));
        }
        long unlucky = people.get(3).chatId();
        // One batch of eight chats' first messages, worked on in parallel; the fourth chat fails once.
        people.forEach(p -> harness.emulator.sendText(p.user, "/start"));
        AtomicInteger failures = new AtomicInteger();
        harness.startBot(engine -> (chat, language, input) -> {
            Reply reply = engine.handle(chat, language, input);
            if (TelegramChats.id(chat) == unlucky && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("broken once");
            }
            return reply;
        });
        harness.settle();

        assertThat(failures.get()).isEqualTo(2); // in the batch, then alone
        assertThat(harness.offsets.lastCommitted()).isPresent();
        assertThat(harness.emulator.requests("sendMessage")).hasSize(people.size());
        for (Person person : people) {
            assertThat(person.screen().text()).isEqualTo(en.message("choose_language"));
        }
        assertThat(harness.drafts.count()).isEqualTo(people.size());
    }
}
