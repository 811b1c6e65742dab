package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Texts;
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
    void fullTestimonyInEnglishLeavesOnlyTheReceiptThenOnlyAnInnocuousLine() throws Exception {
        testimonyLeavesOnlyTheReceiptThenOnlyAnInnocuousLine("en");
    }

    @Test
    void fullTestimonyInHindiLeavesOnlyTheReceiptThenOnlyAnInnocuousLine() throws Exception {
        testimonyLeavesOnlyTheReceiptThenOnlyAnInnocuousLine("hi");
    }

    @Test
    void fullTestimonyInBengaliLeavesOnlyTheReceiptThenOnlyAnInnocuousLine() throws Exception {
        testimonyLeavesOnlyTheReceiptThenOnlyAnInnocuousLine("bn");
    }

    private void testimonyLeavesOnlyTheReceiptThenOnlyAnInnocuousLine(String language) throws Exception {
        Person asha = new Person(harness, 7001, "Asha", "asha_x", language);
        Texts texts = BotHarness.questionnaire().texts(language);

        ChatMessage receipt = Testimony.give(asha, language, "They came at night and took our phones.");

        assertThat(harness.submissions.testimonies()).hasSize(1);
        assertThat(asha.chat().messages()).containsExactly(receipt);
        assertThat(receipt.text()).matches("(?s).*\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}.*");
        assertThat(receipt.protectContent()).isTrue();

        asha.pressesData(receipt.id(), Presenter.CLEAR_DATA);

        assertThat(asha.chat().texts()).containsExactly(texts.message("quick_exit"));
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
