package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telegram misbehaving: 429 storms, server errors, lost connections. Nothing lost, order kept. */
class StormTest {
    @TempDir
    Path dataDir;
    BotHarness harness;
    Texts en = BotHarness.questionnaire().texts("en");

    @BeforeEach
    void start() throws Exception {
        harness = BotHarness.start(dataDir);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private List<Person> threePeopleOnTheirFirstQuestion() throws InterruptedException {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person p = new Person(harness, 9300 + i, "P" + i, "p" + i, "en");
            p.types("/start");
            p.presses("l:lang:en");
            people.add(p);
        }
        return people;
    }

    @Test
    void a429StormStillDeliversEveryMessageInEachChatsOrder() throws Exception {
        List<Person> people = threePeopleOnTheirFirstQuestion();
        String question = people.get(0).screen().text();
        harness.emulator.faults().tooManyRequestsFor(Duration.ofSeconds(3), 1);

        for (Person p : people) {
            harness.emulator.sendSticker(p.user);                        // a new screen with the re-prompt
            int typed = harness.emulator.sendText(p.user, "/help");       // another new screen
            harness.emulator.editMessage(p.user, typed, "/status");       // a notice
            harness.emulator.sendVoice(p.user);                           // the newest screen
        }
        harness.settle();

        assertThat(harness.emulator.requests().stream().filter(r -> r.status() == 429)).isNotEmpty();
        for (Person p : people) {
            List<ChatMessage> fromBot = p.chat().botMessages();
            assertThat(fromBot).extracting(ChatMessage::text).containsExactly(
                    en.message("edited_ignored"),
                    en.message("unsupported_input") + "\n\n" + question);
            assertThat(fromBot).allMatch(ChatMessage::protectContent);
        }
        assertThat(harness.emulator.unansweredCallbacks()).isEmpty();
    }

    @Test
    void serverErrorsAndLostConnectionsAreRetried() throws Exception {
        Person p = new Person(harness, 9310, "P", "p", "en");
        p.types("/start");
        harness.emulator.faults().serverErrors("editMessageText", 2).dropRequests("editMessageText", 1);

        p.presses("l:lang:en");

        assertThat(p.screen().text()).contains(en.questionText("c1"));
        assertThat(harness.emulator.requests("editMessageText")).extracting(r -> r.status())
                .containsExactly(500, 500, 0, 200);
    }

    @Test
    void aLostReplyToAnEditDoesNotDuplicateTheScreen() throws Exception {
        Person p = new Person(harness, 9311, "P", "p", "en");
        p.types("/start");
        harness.emulator.faults().dropResponses("editMessageText", 1);

        p.presses("l:lang:en");

        assertThat(p.chat().botMessages()).hasSize(1);
        assertThat(p.screen().text()).contains(en.questionText("c1"));
    }

    @Test
    void aBrokenPollIsWaitedOutAndPollingGoesOn() throws Exception {
        harness.emulator.faults().serverErrors("getUpdates", 2);
        Person p = new Person(harness, 9312, "P", "p", "en");

        p.types("/start");

        assertThat(p.screen().buttons()).isNotEmpty();
        assertThat(harness.bot().status().receiving()).isTrue();
    }

    @Test
    void aServerThatAnswersPollsAtOnceIsPolledAboutOnceASecondNotInABusyLoop() throws Exception {
        Person sita = new Person(harness, 9350, "Sita", null, "en");
        harness.emulator.faults().answerPollsAtOnce(true);
        sita.types("/start"); // ends the long poll that was waiting; from here every poll comes back empty at once
        int before = harness.emulator.requests("getUpdates").size();

        Thread.sleep(3_000);
        int polls = harness.emulator.requests("getUpdates").size() - before;
        sita.types("/help");

        // Spaced by a second at least: three seconds hold at most three or four (a slower machine only fewer).
        assertThat(polls).isBetween(1, 5);
        assertThat(sita.screen().text()).contains(en.message("help"));
    }

    @Test
    void aMinuteOf429InOneChatDoesNotHoldUpAnotherChat() throws Exception {
        Person rani = new Person(harness, 9360, "Rani", null, "en");
        Person sita = new Person(harness, 9361, "Sita", null, "en");
        rani.types("/start");
        sita.types("/start");
        harness.emulator.faults().tooManyRequestsInChat(rani.chatId(), 1, 60);

        harness.emulator.sendText(rani.user, "/help");
        Eventually.holds(() -> harness.emulator.requests().stream().anyMatch(r -> r.status() == 429));
        harness.emulator.sendText(sita.user, "/help");

        // Before, every chat waited out Rani's minute: Sita's answer came after 60 s, past this wait.
        harness.emulator.awaitBotMessage(sita.chatId(), m -> m.text().contains(en.message("help")), BotHarness.WAIT);
    }
}
