package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramTestimonyTest {
    @TempDir
    Path dataDir;
    BotHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = BotHarness.start(dataDir);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void fullTestimonyByButtonsLeavesOnlyTheReceiptThenOnlyAnInnocuousLine() throws Exception {
        Person asha = new Person(harness, 7001, "Asha", "asha_x", "en");

        ChatMessage receipt = Testimony.give(asha, "They came at night and took our phones.");

        assertThat(harness.submissions.testimonies()).hasSize(1);
        assertThat(asha.chat().messages()).containsExactly(receipt);
        assertThat(receipt.text()).contains("Your code:");
        assertThat(receipt.protectContent()).isTrue();

        asha.pressesData(receipt.id(), Presenter.CLEAR_DATA);

        assertThat(asha.chat().texts()).containsExactly("OK 👍");
        assertThat(harness.emulator.unansweredCallbacks()).isEmpty();
    }

    @Test
    void startingAgainAfterSubmittingKeepsTheReceiptUntilItsTickIsPressed() throws Exception {
        Person asha = new Person(harness, 7002, "Asha", null, "en");
        ChatMessage receipt = Testimony.give(asha, "words");

        asha.types("/start");
        assertThat(asha.chat().message(receipt.id())).isPresent();
        int newScreen = asha.screen().id();

        asha.pressesData(receipt.id(), Presenter.CLEAR_DATA);

        assertThat(asha.chat().message(receipt.id())).isEmpty();
        assertThat(asha.chat().message(newScreen)).isPresent();
    }
}
