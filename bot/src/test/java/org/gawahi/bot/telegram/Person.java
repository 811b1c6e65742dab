package org.gawahi.bot.telegram;

import java.util.List;
import java.util.Optional;

import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.bot.telegram.emulator.ChatView;
import org.gawahi.bot.telegram.emulator.User;

/** A person in the emulator, acting and waiting for the bot as a test needs. */
final class Person {
    final BotApiEmulator emulator;
    final User user;
    private final BotHarness harness;

    Person(BotHarness harness, long id, String firstName, String username, String languageCode) {
        this.harness = harness;
        this.emulator = harness.emulator;
        this.user = emulator.user(id, firstName, username, languageCode);
    }

    long chatId() {
        return user.chatId();
    }

    int types(String text) throws InterruptedException {
        int id = emulator.sendText(user, text);
        harness.settle();
        return id;
    }

    /** Presses the button whose callback data starts with the prefix, on the current screen. */
    void presses(String dataPrefix) throws InterruptedException {
        ChatMessage screen = screen();
        Button button = screen.buttons().stream().filter(b -> b.callbackData().startsWith(dataPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + dataPrefix + " on " + screen.buttons()));
        emulator.pressButton(user, screen.id(), button.callbackData());
        harness.settle();
    }

    void pressesData(int messageId, String data) throws InterruptedException {
        emulator.pressButton(user, messageId, data);
        harness.settle();
    }

    ChatView chat() {
        return emulator.chat(chatId());
    }

    /** The newest message of the bot, which must exist. */
    ChatMessage screen() {
        return chat().lastBotMessage().orElseThrow(() -> new AssertionError("the bot said nothing"));
    }

    Optional<Button> button(String dataPrefix) {
        return screen().buttons().stream().filter(b -> b.callbackData().startsWith(dataPrefix)).findFirst();
    }

    List<String> data() {
        return screen().buttons().stream().map(Button::callbackData).toList();
    }
}
