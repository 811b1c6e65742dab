package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.gawahi.bot.interview.Input;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a seized phone shows, through the real client and the emulator: at every step of a
 * testimony her chat holds the current screen and nothing she sent (typed answers, commands,
 * receipts' codes, stickers, photos, contacts, voice, locations); after the bot was killed with
 * her message read and committed but not yet deleted, a quick exit after the restart still leaves
 * only the one line, whether the restarted bot is unlocked or intake-only.
 */
class HerPhoneTest {
    static final String WORDS = "the constable took my phone";
    static final String BEFORE_THE_KILL = "typed just before the kill";

    @TempDir
    Path dataDir;

    BotHarness harness;
    Person meena;
    Texts en = BotHarness.questionnaire().texts("en");

    @BeforeEach
    void start() throws Exception {
        harness = BotHarness.withoutBot(dataDir);
        meena = new Person(harness, 8301, "Meena", "meena_k", "en");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** Nothing of hers is left, and of the bot's only the current screen (or the receipt). */
    private void assertOnlyTheScreen(String after) {
        List<ChatMessage> messages = meena.chat().messages();
        assertThat(messages).as("after " + after).allMatch(ChatMessage::fromBot);
        assertThat(messages).as("after " + after).hasSize(1);
    }

    @Test
    void everythingSheSendsIsGoneOnceReadAtEveryStepOfAWholeTestimony() throws Exception {
        harness.startBot();
        meena.types("/start");
        assertOnlyTheScreen("/start");
        meena.presses("l:lang:en");
        String[] extras = {"/status 1234 5678 9012 3456", "/withdraw 1234 5678 9012 3456", "/help", "sticker", "photo",
                "contact", "voice", "location", "/back", "/pause", "/resume"};
        int step = 0;
        while (true) {
            ChatMessage screen = meena.screen();
            List<String> data = screen.buttons().stream().map(Button::callbackData).toList();
            if (data.contains(Presenter.CLEAR_DATA)) {
                break;
            }
            String extra = extras[step % extras.length];
            switch (extra) {
                case "sticker" -> harness.emulator.sendSticker(meena.user);
                case "photo" -> harness.emulator.sendPhoto(meena.user);
                case "contact" -> harness.emulator.sendContact(meena.user);
                case "voice" -> harness.emulator.sendVoice(meena.user);
                case "location" -> harness.emulator.sendLocation(meena.user);
                default -> harness.emulator.sendText(meena.user, extra);
            }
            harness.settle();
            assertOnlyTheScreen(extra);
            if (extra.equals("/pause")) {
                meena.types("/resume");
                assertOnlyTheScreen("/resume");
            }
            Testimony.nextStep(meena, meena.screen(), meena.screen().buttons().stream().map(Button::callbackData)
                    .toList(), WORDS);
            assertOnlyTheScreen("step " + step);
            step++;
            assertThat(step).as("steps").isLessThan(300);
        }
        assertThat(meena.screen().text()).doesNotContain(WORDS);
        assertThat(harness.testimonies.count()).isEqualTo(1);
        // Every message of hers was deleted by the bot, not merely hidden by the test.
        assertThat(harness.emulator.requests("deleteMessages")).isNotEmpty();
    }

    @Test
    void statusAndWithdrawAreDeletedAtOnceAndWithdrawalWaitsForTheButton() throws Exception {
        harness.startBot();
        ChatMessage receipt = Testimony.give(meena, WORDS);
        String code = receipt.text().replaceAll("(?s).*?([0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}).*", "$1");
        meena.presses(Presenter.CLEAR_DATA);

        meena.types("/status " + code);
        assertThat(meena.chat().messages()).allMatch(ChatMessage::fromBot);
        assertThat(meena.chat().texts()).noneMatch(t -> t.contains(code));
        meena.types("/withdraw " + code);
        assertThat(meena.chat().messages()).allMatch(ChatMessage::fromBot);
        assertThat(meena.chat().texts()).noneMatch(t -> t.contains(code));
        assertThat(meena.screen().text()).isEqualTo(en.message("withdraw_confirm"));
        assertThat(harness.submissions.status(org.gawahi.storage.testimony.ReceiptCode.parse(code).orElseThrow()))
                .hasValue(org.gawahi.storage.testimony.TestimonyStatus.PENDING);

        meena.presses("w:withdraw:yes");

        assertThat(meena.screen().text()).isEqualTo(en.message("withdrawn"));
        assertThat(harness.submissions.status(org.gawahi.storage.testimony.ReceiptCode.parse(code).orElseThrow()))
                .hasValue(org.gawahi.storage.testimony.TestimonyStatus.WITHDRAWN);
    }

    @Test
    void quickExitAfterAKillAndAnUnlockedRestartLeavesOnlyTheOneLine() throws Exception {
        quickExitAfterAKillLeavesOnlyTheOneLine(true);
    }

    @Test
    void quickExitAfterAKillAndAnIntakeOnlyRestartLeavesOnlyTheOneLine() throws Exception {
        quickExitAfterAKillLeavesOnlyTheOneLine(false);
    }

    private void quickExitAfterAKillLeavesOnlyTheOneLine(boolean unlockedRestart) throws Exception {
        FreezableApi dying = new FreezableApi(new ClientBotApi(harness.pollingSettings().token(),
                harness.pollingSettings().apiUrl(), java.time.Duration.ofSeconds(10)));
        // The process dies inside the transaction of her message: it commits, nothing after it is sent.
        harness.startBot(harness.pollingSettings(), freezeOn(dying, BEFORE_THE_KILL), dying);
        meena.types("/start");
        meena.presses("l:lang:en");
        meena.presses("a:c1:yes");
        for (int i = 0; i < 6 && !hasFreeText(); i++) {
            Testimony.nextStep(meena, meena.screen(), meena.data(), WORDS);
        }
        int screenBefore = meena.screen().id();
        awaitOutboxCount(0); // what earlier steps owed is done and flushed
        int hers = harness.emulator.sendText(meena.user, BEFORE_THE_KILL);
        awaitOutboxCount(1);
        harness.stopBot(); // the frozen client sends nothing more
        assertThat(meena.chat().message(hers)).as("her message, still there after the kill").isPresent();
        assertThat(meena.chat().message(screenBefore)).isPresent();

        if (unlockedRestart) {
            harness.unlocked();
        } else {
            harness.intakeOnly();
        }
        harness.startBot();
        harness.settle();
        if (unlockedRestart) {
            assertThat(meena.chat().message(hers)).as("deleted from the outbox after the restart").isEmpty();
        } else {
            assertThat(harness.outbox.count()).as("the entry waits for an unlocked start").isEqualTo(1);
        }

        meena.types("/exit");

        assertThat(meena.chat().texts()).containsExactly(en.message("quick_exit"));
    }

    private boolean hasFreeText() {
        return meena.data().stream().noneMatch(d -> d.startsWith("a:") || d.startsWith("y:") || d.startsWith("d:"));
    }

    /** Waits (polling the database; the time is no part of the claim) until the outbox holds {@code n} entries. */
    private void awaitOutboxCount(int n) throws InterruptedException {
        for (int i = 0; i < 3_000 && harness.outbox.count() != n; i++) {
            Thread.sleep(10);
        }
        assertThat(harness.outbox.count()).as("outbox entries").isEqualTo(n);
    }

    private static UnaryOperator<org.gawahi.bot.interview.Desk> freezeOn(FreezableApi api, String text) {
        return engine -> (chat, language, input) -> {
            if (input instanceof Input.Text typed && typed.text().equals(text)) {
                api.freeze();
            }
            return engine.handle(chat, language, input);
        };
    }
}
