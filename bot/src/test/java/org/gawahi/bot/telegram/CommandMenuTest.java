package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandMenuTest {

    @Test
    void readsDescriptionsFromTheHelpMessagesCommandLines() {
        Map<String, String> lines = CommandMenu.helpLines("Intro\n\n/start – begin, or carry on\n"
                + "/status CODE – check a testimony you sent\n/help - show this message\nnot a command – no");

        assertThat(lines).containsExactly(Map.entry("start", "begin, or carry on"),
                Map.entry("status", "check a testimony you sent"), Map.entry("help", "show this message"));
    }

    @Test
    void everyLanguageGetsAMenuAndEveryCommandADescription() {
        Map<String, List<BotApi.MenuCommand>> menus = new CommandMenu(BotHarness.questionnaire()).menus();

        assertThat(menus).containsKeys("", "en");
        menus.values().forEach(menu -> assertThat(menu).hasSize(CommandMenu.FALLBACK.size())
                .allSatisfy(c -> assertThat(c.description()).isNotBlank().hasSizeLessThanOrEqualTo(256)));
    }

    @Test
    void theQuestionnairesWordsWinOverTheEnglishFallback() {
        List<BotApi.MenuCommand> english = new CommandMenu(BotHarness.questionnaire()).menus().get("en");

        assertThat(english).contains(new BotApi.MenuCommand("exit", "quick exit: delete everything now"));
    }
}
