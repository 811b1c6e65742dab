package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberBanned;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** What people do arrives as updates the real client deserialises, and shows in the chat. */
class EmulatorPeopleTest {
    private BotApiEmulator emulator;
    private BotClient client;
    private User asha;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.start(BotClient.TOKEN);
        client = new BotClient(emulator);
        asha = emulator.user(42, "Asha", "asha_k", "hi");
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aCommandArrivesWithItsEntityAndTheSender() throws Exception {
        emulator.sendText(asha, "/start ref");

        Message message = onlyUpdate().getMessage();

        // telegrambots computes an entity's text only in getEntities(); isCommand() is false before.
        assertThat(message.getEntities()).singleElement().satisfies(entity -> {
            assertThat(entity.getType()).isEqualTo("bot_command");
            assertThat(entity.getOffset()).isZero();
            assertThat(entity.getText()).isEqualTo("/start");
        });
        assertThat(message.isCommand()).isTrue();
        assertThat(message.getFrom().getId()).isEqualTo(42L);
        assertThat(message.getFrom().getLanguageCode()).isEqualTo("hi");
        assertThat(message.getFrom().getIsBot()).isFalse();
        assertThat(message.getChat().isUserChat()).isTrue();
        assertThat(message.getChatId()).isEqualTo(42L);
    }

    @Test
    void plainTextIsNotACommand() throws Exception {
        emulator.sendText(asha, "see 1/2 done");

        Message message = onlyUpdate().getMessage();

        assertThat(message.getEntities()).isNull();
        assertThat(message.isCommand()).isFalse();
    }

    @Test
    void messageIdsGrowPerChatAndIncludeTheBotsMessages() throws Exception {
        User meera = emulator.user(43, "Meera", null, null);
        int first = emulator.sendText(asha, "a");
        Message botReply = client.telegram().execute(new SendMessage("42", "reply"));
        int third = emulator.sendText(asha, "b");
        int meerasFirst = emulator.sendText(meera, "c");

        assertThat(List.of(first, botReply.getMessageId(), third)).containsExactly(1, 2, 3);
        assertThat(meerasFirst).isEqualTo(1);
        assertThat(emulator.chat(42).texts()).containsExactly("a", "reply", "b");
    }

    @Test
    void mediaMessagesArriveWithTheirKind() throws Exception {
        emulator.sendSticker(asha);
        emulator.sendPhoto(asha);
        emulator.sendVoice(asha);
        emulator.sendLocation(asha);
        emulator.sendContact(asha);

        List<Message> messages = client.telegram().execute(GetUpdates.builder().build()).stream()
                .map(Update::getMessage).toList();

        assertThat(messages).hasSize(5);
        assertThat(messages.get(0).hasSticker()).isTrue();
        assertThat(messages.get(1).hasPhoto()).isTrue();
        assertThat(messages.get(2).hasVoice()).isTrue();
        assertThat(messages.get(3).hasLocation()).isTrue();
        assertThat(messages.get(4).hasContact()).isTrue();
        assertThat(messages).allSatisfy(message -> assertThat(message.hasText()).isFalse());
        assertThat(emulator.chat(42).messages()).extracting(ChatMessage::kind).containsExactly(
                ChatMessage.Kind.STICKER, ChatMessage.Kind.PHOTO, ChatMessage.Kind.VOICE, ChatMessage.Kind.LOCATION,
                ChatMessage.Kind.CONTACT);
    }

    @Test
    void anEditArrivesAsEditedMessageAndChangesTheChat() throws Exception {
        int id = emulator.sendText(asha, "Mumbay");
        emulator.editMessage(asha, id, "Mumbai");

        List<Update> updates = client.telegram().execute(GetUpdates.builder().build());

        assertThat(updates.get(1).hasEditedMessage()).isTrue();
        assertThat(updates.get(1).getEditedMessage().getText()).isEqualTo("Mumbai");
        assertThat(updates.get(1).getEditedMessage().getMessageId()).isEqualTo(id);
        assertThat(emulator.chat(42).messages().get(0).text()).isEqualTo("Mumbai");
        assertThat(emulator.chat(42).messages().get(0).edited()).isTrue();
    }

    @Test
    void aButtonPressCarriesItsDataAndTheMessageItBelongsTo() throws Exception {
        Message menu = client.telegram().execute(SendMessage.builder().chatId(42L).text("Language?")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("हिन्दी").callbackData("lang:hi").build())).build())
                .build());

        String queryId = emulator.pressButtonLabeled(asha, menu.getMessageId(), "हिन्दी");
        Update update = onlyUpdate();

        assertThat(update.getCallbackQuery().getId()).isEqualTo(queryId);
        assertThat(update.getCallbackQuery().getData()).isEqualTo("lang:hi");
        assertThat(update.getCallbackQuery().getFrom().getId()).isEqualTo(42L);
        assertThat(update.getCallbackQuery().getMessage().getMessageId()).isEqualTo(menu.getMessageId());
        assertThat(((Message) update.getCallbackQuery().getMessage()).getText()).isEqualTo("Language?");
        assertThat(emulator.unansweredCallbacks()).containsExactly(queryId);
    }

    @Test
    void pressingALabelThatIsNotThereFails() {
        int id = emulator.sendText(asha, "no buttons here");

        assertThatThrownBy(() -> emulator.pressButtonLabeled(asha, id, "Yes"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGroupMessageComesFromAGroupChat() throws Exception {
        emulator.groupMessage(asha, -1001L, "Collective", "hello all");

        Message message = onlyUpdate().getMessage();

        assertThat(message.getChat().isGroupChat()).isTrue();
        assertThat(message.getChat().getTitle()).isEqualTo("Collective");
        assertThat(message.getFrom().getId()).isEqualTo(42L);
        assertThat(emulator.chat(-1001L).texts()).containsExactly("hello all");
    }

    @Test
    void blockingTheBotSendsMyChatMember() throws Exception {
        emulator.blockBot(asha);

        Update update = onlyUpdate();

        assertThat(update.getMyChatMember().getNewChatMember()).isInstanceOf(ChatMemberBanned.class);
        assertThat(update.getMyChatMember().getChat().getId()).isEqualTo(42L);
    }

    private Update onlyUpdate() throws Exception {
        List<Update> updates = client.telegram().execute(GetUpdates.builder().build());
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }
}
