package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.gawahi.storage.LeakScan;
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

        assertThat(harness.testimonies.count()).isEqualTo(1);
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

    @Test
    void afterARunTheDataDirectoryHoldsNoChatIdNameOrWordsOfTheTestimony() throws Exception {
        // Ids long enough that their bytes cannot turn up by chance in ciphertext.
        Person meena = new Person(harness, 880_011_223_344L, "Meenakshi", "meena_canary_user", "hi");
        Person rekha = new Person(harness, 880_055_667_788L, "Rekhaben", "rekha_canary_user", "en");
        String canary = "CANARY-telegram-7f3a: they broke the cupboard";

        Testimony.give(meena, "hi", canary);
        rekha.types("/start");
        rekha.presses("l:lang:en"); // an unfinished draft stays behind, sealed
        harness.settle();
        harness.stopBot();

        assertThat(harness.testimonies.count()).isEqualTo(1);
        assertThat(harness.drafts.count()).isEqualTo(1);
        LeakScan scan = new LeakScan().text("free text", canary).text("canary", "CANARY-telegram")
                .chatId("meena's id", meena.user.id()).chatId("rekha's id", rekha.user.id())
                .text("first name", "Meenakshi").text("first name", "Rekhaben")
                .text("username", "meena_canary_user").text("username", "rekha_canary_user");
        assertThat(scan.findIn(LeakScan.filesUnder(dataDir))).isEmpty();
    }
}
