package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class EmulatorMessagesTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private BotApiEmulator emulator;
    private BotClient client;
    private User asha;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.builder(BotClient.TOKEN).clock(clock).start();
        client = new BotClient(emulator);
        asha = emulator.user(42, "Asha", "asha_k", "hi");
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aSentMessageShowsInTheChatWithItsButtons() throws Exception {
        Message sent = client.telegram().execute(SendMessage.builder().chatId(42L).text("Begin?").protectContent(true)
                .replyMarkup(keyboard(button("Yes", "start:yes"), button("No", "start:no"))).build());

        ChatMessage shown = emulator.lastBotMessage(42).orElseThrow();

        assertThat(sent.getMessageId()).isEqualTo(shown.id());
        assertThat(sent.getText()).isEqualTo("Begin?");
        assertThat(sent.getFrom().getIsBot()).isTrue();
        assertThat(sent.getChat().getFirstName()).isEqualTo("Asha");
        assertThat(sent.getReplyMarkup().getKeyboard().get(0)).extracting(InlineKeyboardButton::getCallbackData)
                .containsExactly("start:yes", "start:no");
        assertThat(shown.text()).isEqualTo("Begin?");
        assertThat(shown.buttons()).containsExactly(new Button("Yes", "start:yes", ""),
                new Button("No", "start:no", ""));
        assertThat(shown.protectContent()).isTrue();
        assertThat(shown.date()).isEqualTo(START);
    }

    @Test
    void textOf4096CharactersIsAccepted() throws Exception {
        String longest = "क".repeat(4096);

        Message sent = client.telegram().execute(new SendMessage("42", longest));

        assertThat(sent.getText()).hasSize(4096);
    }

    @Test
    void textOf4097CharactersIsTooLongAndSendsNothing() {
        assertThatThrownBy(() -> client.telegram().execute(new SendMessage("42", "क".repeat(4097))))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(400);
                    assertThat(error.getApiResponse()).isEqualTo("Bad Request: message is too long");
                });
        assertThat(emulator.chat(42).messages()).isEmpty();
    }

    @Test
    void htmlTagsDoNotCountTowardsTheLimit() throws Exception {
        String html = "<b>" + "a".repeat(4093) + "</b> &amp;x";

        Message sent = client.telegram().execute(SendMessage.builder().chatId(42L).parseMode("HTML").text(html)
                .build());

        String shown = emulator.lastBotMessage(42).orElseThrow().text();
        assertThat(html.length()).isGreaterThan(4096);
        assertThat(shown.length()).isEqualTo(4096);
        assertThat(shown.endsWith(" &x")).isTrue();
        assertThat(sent.getText().contains("<b>")).isFalse();
    }

    @Test
    void whitespaceOnlyTextIsEmpty() {
        assertThatThrownBy(() -> client.telegram().execute(new SendMessage("42", "  \n ")))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getApiResponse()).isEqualTo("Bad Request: message text is empty"));
    }

    @Test
    void callbackDataOver64BytesIsInvalidAndSendsNothing() {
        String sixtySixBytes = "क".repeat(22);

        assertThatThrownBy(() -> client.telegram().execute(SendMessage.builder().chatId(42L).text("Pick")
                .replyMarkup(keyboard(button("x", sixtySixBytes))).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getApiResponse()).isEqualTo("Bad Request: BUTTON_DATA_INVALID"));
        assertThat(emulator.chat(42).messages()).isEmpty();
    }

    @Test
    void callbackDataOf64BytesIsAccepted() throws Exception {
        String sixtyFourBytes = "क".repeat(21) + "a";

        client.telegram().execute(SendMessage.builder().chatId(42L).text("Pick")
                .replyMarkup(keyboard(button("x", sixtyFourBytes))).build());

        assertThat(emulator.lastBotMessage(42).orElseThrow().buttons().get(0).callbackData())
                .isEqualTo(sixtyFourBytes);
    }

    @Test
    void editingWithIdenticalContentIsNotModified() throws Exception {
        Message sent = client.telegram().execute(SendMessage.builder().chatId(42L).text("Same")
                .replyMarkup(keyboard(button("Ok", "ok"))).build());

        assertThatThrownBy(() -> client.telegram().execute(EditMessageText.builder().chatId(42L)
                .messageId(sent.getMessageId()).text("Same").replyMarkup(keyboard(button("Ok", "ok"))).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> assertThat(
                        error.getApiResponse()).startsWith("Bad Request: message is not modified"));
    }

    @Test
    void editingTextWithoutAKeyboardRemovesTheKeyboard() throws Exception {
        Message sent = client.telegram().execute(SendMessage.builder().chatId(42L).text("Choose")
                .replyMarkup(keyboard(button("Ok", "ok"))).build());

        Object edited = client.telegram().execute(EditMessageText.builder().chatId(42L)
                .messageId(sent.getMessageId()).text("Chosen: Ok").build());

        assertThat(edited).isInstanceOfSatisfying(Message.class,
                message -> assertThat(message.getText()).isEqualTo("Chosen: Ok"));
        ChatMessage shown = emulator.chat(42).message(sent.getMessageId()).orElseThrow();
        assertThat(shown.text()).isEqualTo("Chosen: Ok");
        assertThat(shown.buttons()).isEmpty();
        assertThat(shown.edited()).isTrue();
    }

    @Test
    void editingTheReplyMarkupReplacesTheButtons() throws Exception {
        Message sent = client.telegram().execute(SendMessage.builder().chatId(42L).text("Choose")
                .replyMarkup(keyboard(button("A", "a"))).build());

        client.telegram().execute(EditMessageReplyMarkup.builder().chatId(42L).messageId(sent.getMessageId())
                .replyMarkup(keyboard(button("B", "b"))).build());

        assertThat(emulator.chat(42).message(sent.getMessageId()).orElseThrow().buttonLabels()).containsExactly("B");
    }

    @Test
    void theBotCannotEditHerMessages() {
        int hers = emulator.sendText(asha, "mine");

        assertThatThrownBy(() -> client.telegram().execute(EditMessageText.builder().chatId(42L).messageId(hers)
                .text("changed").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getApiResponse()).isEqualTo("Bad Request: message can't be edited"));
    }

    @Test
    void deletedMessagesDisappearFromTheChat() throws Exception {
        int hers = emulator.sendText(asha, "my testimony");
        Message first = client.telegram().execute(new SendMessage("42", "first"));
        Message second = client.telegram().execute(new SendMessage("42", "second"));

        Boolean deleted = client.telegram().execute(DeleteMessages.builder().chatId(42L)
                .messageIds(List.of(hers, first.getMessageId(), 999)).build());

        assertThat(deleted).isTrue();
        assertThat(emulator.chat(42).messages()).extracting(ChatMessage::id).containsExactly(second.getMessageId());
    }

    @Test
    void deletingAMessageThatIsNotThereFails() throws Exception {
        Message sent = client.telegram().execute(new SendMessage("42", "once"));
        client.telegram().execute(new DeleteMessage("42", sent.getMessageId()));

        assertThatThrownBy(() -> client.telegram().execute(new DeleteMessage("42", sent.getMessageId())))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> assertThat(
                        error.getApiResponse()).isEqualTo("Bad Request: message to delete not found"));
    }

    @Test
    void messagesOlderThan48HoursCannotBeDeleted() throws Exception {
        Message sent = client.telegram().execute(new SendMessage("42", "old"));
        clock.advance(Duration.ofHours(48).plusSeconds(1));

        assertThatThrownBy(() -> client.telegram().execute(new DeleteMessage("42", sent.getMessageId())))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> assertThat(
                        error.getApiResponse()).isEqualTo("Bad Request: message can't be deleted for everyone"));
        assertThat(emulator.chat(42).messages()).hasSize(1);
    }

    @Test
    void sendingToAnUnknownChatFails() {
        assertThatThrownBy(() -> client.telegram().execute(new SendMessage("777", "hello")))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getApiResponse()).isEqualTo("Bad Request: chat not found"));
    }

    @Test
    void sendingToSomeoneWhoBlockedTheBotIsForbidden() {
        emulator.blockBot(asha);

        assertThatThrownBy(() -> client.telegram().execute(new SendMessage("42", "reminder")))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(403));
        assertThat(emulator.chat(42).messages()).isEmpty();
    }

    @Test
    void anAnsweredCallbackIsRecordedOnceAndCannotBeAnsweredAgain() throws Exception {
        Message menu = client.telegram().execute(SendMessage.builder().chatId(42L).text("Go?")
                .replyMarkup(keyboard(button("Go", "go"))).build());
        String queryId = emulator.pressButton(asha, menu.getMessageId(), "go");
        clock.advance(Duration.ofMillis(300));

        client.telegram().execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text("Saved").build());

        assertThat(emulator.answeredCallbacks()).singleElement().satisfies(answer -> {
            assertThat(answer.callbackQueryId()).isEqualTo(queryId);
            assertThat(answer.data()).isEqualTo("go");
            assertThat(answer.text()).contains("Saved");
            assertThat(Duration.between(answer.pressedAt(), answer.answeredAt())).isEqualTo(Duration.ofMillis(300));
        });
        assertThat(emulator.unansweredCallbacks()).isEmpty();
        assertThatThrownBy(() -> client.telegram().execute(new AnswerCallbackQuery(queryId)))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(400));
    }

    @Test
    void concurrentSendsGetDistinctConsecutiveIds() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                sends.add(senders.submit(() -> {
                    ids.add(client.telegram().execute(new SendMessage("42", "n" + n)).getMessageId());
                    return null;
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(ids).hasSize(80).allSatisfy(id -> assertThat(id).isBetween(1, 80));
        assertThat(emulator.chat(42).messages()).extracting(ChatMessage::id).isSorted().hasSize(80);
    }

    private static InlineKeyboardButton button(String label, String data) {
        return InlineKeyboardButton.builder().text(label).callbackData(data).build();
    }

    private static InlineKeyboardMarkup keyboard(InlineKeyboardButton... row) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(row)).build();
    }
}
