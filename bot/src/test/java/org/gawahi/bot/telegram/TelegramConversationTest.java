package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.bot.telegram.emulator.ChatView;
import org.gawahi.config.questionnaire.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation on the phone: one screen, edited in place; bad input answered kindly; groups; menus. */
class TelegramConversationTest {
    @TempDir
    Path dataDir;
    BotHarness harness;
    Person meena;
    Texts en = BotHarness.questionnaire().texts("en");

    @BeforeEach
    void start() throws Exception {
        harness = BotHarness.start(dataDir);
        meena = new Person(harness, 8101, "Meena", "meena_k", "en");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void startInEnglish() throws InterruptedException {
        meena.types("/start");
        meena.presses("l:lang:en");
    }

    @Test
    void aButtonPressEditsTheScreenInPlace() throws Exception {
        startInEnglish();
        int screen = meena.screen().id();

        meena.presses("a:c1:yes");

        assertThat(meena.screen().id()).isEqualTo(screen);
        assertThat(meena.screen().edited()).isTrue();
        assertThat(meena.chat().botMessages()).hasSize(1);
        assertThat(harness.emulator.requests("sendMessage")).hasSize(1);
    }

    @Test
    void typingSendsTheScreenAnewAndDeletesTheOldOne() throws Exception {
        startInEnglish();
        int old = meena.screen().id();

        meena.types("/help");

        assertThat(meena.chat().message(old)).isEmpty();
        assertThat(meena.chat().botMessages()).hasSize(1);
        assertThat(meena.screen().text()).startsWith(en.message("help"));
    }

    @Test
    void stickersPhotosVoiceLocationsAndContactsGetTheKindRePrompt() throws Exception {
        startInEnglish();
        String question = meena.screen().text();

        for (Runnable send : List.<Runnable>of(() -> harness.emulator.sendSticker(meena.user),
                () -> harness.emulator.sendPhoto(meena.user), () -> harness.emulator.sendVoice(meena.user),
                () -> harness.emulator.sendLocation(meena.user), () -> harness.emulator.sendContact(meena.user))) {
            send.run();
            harness.settle();
            assertThat(meena.screen().text()).isEqualTo(en.message("unsupported_input") + "\n\n" + question);
            assertThat(meena.screen().buttons()).isNotEmpty();
        }
        assertThat(meena.chat().botMessages()).hasSize(1);
    }

    @Test
    void forgedCallbackDataGetsTheStaleButtonRePromptAndIsAnswered() throws Exception {
        startInEnglish();
        String question = meena.screen().text();

        meena.pressesData(meena.screen().id(), "a:q29:forged");
        assertThat(meena.screen().text()).isEqualTo(en.message("stale_button") + "\n\n" + question);

        meena.pressesData(meena.screen().id(), "nonsense");
        assertThat(meena.screen().text()).isEqualTo(en.message("stale_button") + "\n\n" + question);

        assertThat(harness.emulator.unansweredCallbacks()).isEmpty();
        assertThat(harness.emulator.answeredCallbacks()).hasSize(3);
    }

    @Test
    void aPressOnAnOldMessageIsRefusedAndTheScreenShownAnew() throws Exception {
        startInEnglish();
        meena.types("/help"); // the language screen was deleted; a new screen is below her message
        int current = meena.screen().id();

        meena.pressesData(current - 2, "a:c1:yes"); // a message that is no longer the screen

        assertThat(meena.chat().botMessages()).hasSize(1);
        assertThat(meena.screen().id()).isNotEqualTo(current);
    }

    @Test
    void anEditedMessageGetsAShortNotice() throws Exception {
        int typed = meena.types("/start");

        // Her message is deleted as soon as it is read; an edit that raced the deletion still counts.
        harness.emulator.sendRawUpdate("{\"edited_message\":{\"message_id\":" + typed + ",\"date\":"
                + java.time.Instant.now().getEpochSecond() + ",\"edit_date\":" + java.time.Instant.now().getEpochSecond()
                + ",\"chat\":{\"id\":" + meena.chatId() + ",\"type\":\"private\",\"first_name\":\"Meena\"},"
                + "\"from\":{\"id\":" + meena.user.id() + ",\"is_bot\":false,\"first_name\":\"Meena\","
                + "\"language_code\":\"en\"},\"text\":\"/help\"}}");
        harness.settle();

        assertThat(meena.screen().text()).isEqualTo(en.message("edited_ignored"));
    }

    @Test
    void aCommandInAGroupGetsOneShortReplyAndOtherGroupMessagesAreIgnored() throws Exception {
        long group = -100_555_000L;
        harness.emulator.groupMessage(meena.user, group, "Friends", "/start");
        harness.emulator.groupMessage(meena.user, group, "Friends", "hello everyone");
        harness.emulator.groupMessage(meena.user, group, "Friends", "/start@gawahi_emulator_bot");
        harness.settle();

        ChatView groupChat = harness.emulator.chat(group);
        assertThat(groupChat.botMessages()).extracting(ChatMessage::text).containsExactly(en.message("group_chat"));
        assertThat(groupChat.botMessages()).allMatch(ChatMessage::protectContent);
        assertThat(harness.testimonies.count()).isZero();
    }

    @Test
    void quickExitDeletesTheWholeConversationAndLeavesOneLine() throws Exception {
        startInEnglish();
        meena.presses("a:c1:yes");
        meena.types("/help");

        meena.types("/exit");

        assertThat(meena.chat().texts()).containsExactly(en.message("quick_exit"));
        assertThat(harness.drafts.count()).isZero();
    }

    @Test
    void quickExitButtonOnTheFirstQuestionAlsoScrubs() throws Exception {
        startInEnglish();

        meena.presses("a:c1:exit");

        assertThat(meena.chat().texts()).containsExactly(en.message("quick_exit"));
    }

    @Test
    void everyMessageTheBotSendsIsProtectedAndEveryCallbackAnswered() throws Exception {
        startInEnglish();
        meena.presses("a:c1:yes");
        meena.types("some words");
        harness.emulator.sendSticker(meena.user);
        harness.settle();

        assertThat(harness.emulator.requests("sendMessage")).isNotEmpty();
        assertThat(meena.chat().botMessages()).isNotEmpty().allMatch(ChatMessage::protectContent);
        assertThat(harness.emulator.unansweredCallbacks()).isEmpty();
        assertThat(harness.emulator.answeredCallbacks()).hasSize(2);
    }

    @Test
    void setsTheCommandMenuForEveryLanguageInTheQuestionnairesWords() throws Exception {
        // One menu per language, set one after another on the poll thread: wait for all of them.
        Eventually.holds(() -> harness.emulator.requests("setMyCommands").size()
                >= new CommandMenu(BotHarness.questionnaire()).menus().size());

        assertThat(harness.emulator.commands("en")).extracting(c -> c.command())
                .contains("start", "back", "skip", "pause", "erase", "exit", "language", "status", "withdraw", "help");
        assertThat(harness.emulator.commands("en")).filteredOn(c -> c.command().equals("back"))
                .extracting(c -> c.description()).containsExactly("go back one question");
        assertThat(harness.emulator.commands("")).isNotEmpty();
    }

    @Test
    void aFloodFromOneChatIsAnsweredWithOneCurrentScreen() throws Exception {
        startInEnglish();
        for (int i = 0; i < 30; i++) {
            harness.emulator.sendText(meena.user, "flood " + i);
        }
        harness.settle();

        assertThat(meena.chat().botMessages()).hasSize(1);
        assertThat(meena.chat().messages()).hasSize(1); // her 31 messages (with /start) deleted, one screen
        assertThat(harness.emulator.requests("sendMessage").size()).isLessThan(30);
    }

    @Test
    void repliesWaitForTheirChatButNotForEachOther() throws Exception {
        Person other = new Person(harness, 8102, "Other", null, "en");
        harness.emulator.sendText(meena.user, "/start");
        harness.emulator.sendText(other.user, "/start");
        harness.settle();

        assertThat(meena.chat().botMessages()).hasSize(1);
        assertThat(other.chat().botMessages()).hasSize(1);
    }
}
