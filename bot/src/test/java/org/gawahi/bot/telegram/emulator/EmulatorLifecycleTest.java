package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

class EmulatorLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void itListensOnTheLoopbackAddressOfItsBaseUrl() throws Exception {
        try (BotApiEmulator emulator = BotApiEmulator.start(BotClient.TOKEN)) {
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
        }
    }

    @Test
    void closingEndsAWaitingLongPollAndFreesThePort() throws Exception {
        BotApiEmulator emulator = BotApiEmulator.start(BotClient.TOKEN);
        int port = emulator.port();
        try (BotClient client = new BotClient(emulator)) {
            CompletableFuture<ArrayList<Update>> waiting = client.telegram()
                    .executeAsync(GetUpdates.builder().timeout(25).build());
            emulator.awaitPolling(WAIT);

            emulator.close();

            // Answered empty or cut off, depending on timing: what matters is that it stops waiting.
            assertThat(waiting.handle((updates, failure) -> true)).succeedsWithin(10, TimeUnit.SECONDS);
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void awaitBotMessageReturnsTheMatchingMessageOnceItIsSent() throws Exception {
        try (BotApiEmulator emulator = BotApiEmulator.start(BotClient.TOKEN);
             BotClient client = new BotClient(emulator)) {
            emulator.user(42, "Asha", null, null);
            CompletableFuture<?> later = CompletableFuture.runAsync(() -> {
                try {
                    client.telegram().execute(new SendMessage("42", "not this"));
                    client.telegram().execute(new SendMessage("42", "Thank you"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            ChatMessage thanks = emulator.awaitBotMessage(42, message -> message.text().startsWith("Thank"), WAIT);

            assertThat(thanks.id()).isEqualTo(2);
            later.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void awaitBotMessageFailsWithWhatTheChatShows() throws Exception {
        try (BotApiEmulator emulator = BotApiEmulator.start(BotClient.TOKEN)) {
            User asha = emulator.user(42, "Asha", null, null);
            emulator.sendText(asha, "hello?");

            assertThatThrownBy(() -> emulator.awaitBotMessage(42, message -> true, Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("hello?");
        }
    }

    @Test
    void awaitUpdatesConfirmedWaitsForTheBotToConfirm() throws Exception {
        try (BotApiEmulator emulator = BotApiEmulator.start(BotClient.TOKEN);
             BotClient client = new BotClient(emulator)) {
            User asha = emulator.user(42, "Asha", null, null);
            emulator.sendText(asha, "one");
            int id = client.telegram().execute(GetUpdates.builder().build()).get(0).getUpdateId();

            assertThatThrownBy(() -> emulator.awaitUpdatesConfirmed(Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class);
            client.telegram().execute(GetUpdates.builder().offset(id + 1).build());
            emulator.awaitUpdatesConfirmed(WAIT);
        }
    }
}
