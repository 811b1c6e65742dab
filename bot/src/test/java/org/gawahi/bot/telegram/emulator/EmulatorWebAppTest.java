package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Mini App buttons and the menu button, as Telegram takes them: https pages only. */
class EmulatorWebAppTest {
    private BotApiEmulator emulator;
    private BotClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.start(BotClient.TOKEN);
        client = new BotClient(emulator);
        emulator.user(42, "Asha", null, "hi");
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private static InlineKeyboardMarkup webApp(String url) {
        return InlineKeyboardMarkup.builder().keyboard(List.of(new InlineKeyboardRow(List.of(
                InlineKeyboardButton.builder().text("Form").webApp(new WebAppInfo(url)).build(),
                InlineKeyboardButton.builder().text("Chat").callbackData("l:lang:hi").build())))).build();
    }

    @Test
    void aWebAppButtonShowsWithThePageItOpens() throws Exception {
        client.telegram().execute(SendMessage.builder().chatId(42L).text("Choose").replyMarkup(
                webApp("https://gawahi.example.org/form/")).build());

        assertThat(emulator.lastBotMessage(42).orElseThrow().buttons()).containsExactly(
                new Button("Form", "", "", "https://gawahi.example.org/form/"), new Button("Chat", "l:lang:hi", ""));
    }

    @Test
    void aWebAppButtonToAPlainHttpPageIsRefusedAsTelegramRefusesIt() {
        assertThatThrownBy(() -> client.telegram().execute(SendMessage.builder().chatId(42L).text("Choose")
                .replyMarkup(webApp("http://gawahi.example.org/form/")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).contains("Only HTTPS links are allowed"));
        assertThat(emulator.lastBotMessage(42)).isEmpty();
    }

    @Test
    void theMenuButtonIsKeptAndOnlyAnHttpsPageIsTaken() throws Exception {
        assertThat(emulator.menuButton().path("type").asText()).isEqualTo("default");

        client.telegram().execute(SetChatMenuButton.builder().menuButton(MenuButtonWebApp.builder().text("Private form")
                .webAppInfo(new WebAppInfo("https://gawahi.example.org/form/")).build()).build());

        assertThat(emulator.menuButton().path("type").asText()).isEqualTo("web_app");
        assertThat(emulator.menuButton().path("web_app").path("url").asText()).isEqualTo("https://gawahi.example.org/form/");
        assertThatThrownBy(() -> client.telegram().execute(SetChatMenuButton.builder().menuButton(
                MenuButtonWebApp.builder().text("x").webAppInfo(new WebAppInfo("http://x.org/")).build()).build()))
                .isInstanceOf(TelegramApiRequestException.class);
        assertThat(emulator.menuButton().path("web_app").path("url").asText()).isEqualTo("https://gawahi.example.org/form/");
    }

    @Test
    void everyRequestBodyIsKeptForTestsThatSearchIt() throws Exception {
        client.telegram().execute(SendMessage.builder().chatId(42L).text("needle-4471").build());

        assertThat(emulator.requestBodies()).anySatisfy(body ->
                assertThat(new String(body, StandardCharsets.UTF_8)).contains("needle-4471"));
    }
}
