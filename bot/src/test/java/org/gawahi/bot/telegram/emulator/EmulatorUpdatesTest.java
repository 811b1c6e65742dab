package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class EmulatorUpdatesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

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
    void unconfirmedUpdatesAreDeliveredAgain() throws Exception {
        emulator.sendText(asha, "one");
        emulator.sendText(asha, "two");

        List<Update> first = poll(GetUpdates.builder().build());
        List<Update> second = poll(GetUpdates.builder().build());

        assertThat(first).extracting(update -> update.getMessage().getText()).containsExactly("one", "two");
        assertThat(second).extracting(Update::getUpdateId)
                .containsExactlyElementsOf(first.stream().map(Update::getUpdateId).toList());
    }

    @Test
    void anOffsetConfirmsEarlierUpdatesForGood() throws Exception {
        emulator.sendText(asha, "one");
        emulator.sendText(asha, "two");
        List<Update> both = poll(GetUpdates.builder().build());

        List<Update> afterFirst = poll(GetUpdates.builder().offset(both.get(0).getUpdateId() + 1).build());
        List<Update> afterSecond = poll(GetUpdates.builder().offset(both.get(1).getUpdateId() + 1).build());
        List<Update> withoutOffset = poll(GetUpdates.builder().build());

        assertThat(afterFirst).extracting(update -> update.getMessage().getText()).containsExactly("two");
        assertThat(afterSecond).isEmpty();
        assertThat(withoutOffset).isEmpty();
        assertThat(emulator.pendingUpdates()).isZero();
    }

    @Test
    void limitCapsTheBatchAndKeepsTheRest() throws Exception {
        for (int i = 1; i <= 5; i++) {
            emulator.sendText(asha, "m" + i);
        }

        List<Update> firstTwo = poll(GetUpdates.builder().limit(2).build());
        List<Update> rest = poll(GetUpdates.builder().offset(firstTwo.get(1).getUpdateId() + 1).build());

        assertThat(firstTwo).extracting(update -> update.getMessage().getText()).containsExactly("m1", "m2");
        assertThat(rest).extracting(update -> update.getMessage().getText()).containsExactly("m3", "m4", "m5");
    }

    @Test
    void negativeOffsetKeepsOnlyTheLatestUpdates() throws Exception {
        for (int i = 1; i <= 4; i++) {
            emulator.sendText(asha, "m" + i);
        }

        List<Update> latest = poll(GetUpdates.builder().offset(-1).build());

        assertThat(latest).extracting(update -> update.getMessage().getText()).containsExactly("m4");
        assertThat(emulator.pendingUpdates()).isEqualTo(1);
    }

    @Test
    void longPollReturnsPromptlyWhenAnUpdateArrives() throws Exception {
        CompletableFuture<ArrayList<Update>> waiting = client.telegram()
                .executeAsync(GetUpdates.builder().timeout(25).build());
        emulator.awaitPolling(WAIT);
        Instant sentAt = Instant.now();

        emulator.sendText(asha, "are you there?");

        List<Update> updates = waiting.get(10, TimeUnit.SECONDS);
        assertThat(updates).extracting(update -> update.getMessage().getText()).containsExactly("are you there?");
        assertThat(Duration.between(sentAt, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void longPollEndsEmptyWhenItsTimeoutPasses() throws Exception {
        List<Update> updates = client.telegram().executeAsync(GetUpdates.builder().timeout(1).build())
                .get(10, TimeUnit.SECONDS);

        assertThat(updates).isEmpty();
    }

    @Test
    void aNewerPollTerminatesTheWaitingOneWithAConflict() throws Exception {
        CompletableFuture<ArrayList<Update>> older = client.telegram()
                .executeAsync(GetUpdates.builder().timeout(25).build());
        emulator.awaitPolling(WAIT);

        poll(GetUpdates.builder().build());

        assertThatThrownBy(() -> older.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(409));
    }

    @Test
    void allowedUpdatesLeaveOutOtherTypes() throws Exception {
        emulator.sendText(asha, "hello");
        emulator.pressButton(asha, 1, "lang:hi");

        List<Update> onlyCallbacks = poll(GetUpdates.builder().allowedUpdates(List.of("callback_query")).build());
        List<Update> everything = poll(GetUpdates.builder().build());

        assertThat(onlyCallbacks).hasSize(1).allSatisfy(update -> assertThat(update.hasCallbackQuery()).isTrue());
        assertThat(everything).hasSize(2);
    }

    @Test
    void getUpdatesWhileAWebhookIsSetIsAConflict() throws Exception {
        client.telegram().execute(SetWebhook.builder().url("https://gawahi.example.org/hook").build());

        assertThatThrownBy(() -> poll(GetUpdates.builder().build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(409));

        client.telegram().execute(new DeleteWebhook());
        assertThat(poll(GetUpdates.builder().build())).isEmpty();
    }

    @Test
    void duplicateDeliveryRedeliversEachConfirmedUpdateOnce() throws Exception {
        emulator.faults().duplicateDelivery(true);
        emulator.sendText(asha, "once");
        Update original = poll(GetUpdates.builder().build()).get(0);

        List<Update> again = poll(GetUpdates.builder().offset(original.getUpdateId() + 1).build());
        List<Update> thereafter = poll(GetUpdates.builder().offset(original.getUpdateId() + 1).build());

        assertThat(again).extracting(Update::getUpdateId).containsExactly(original.getUpdateId());
        assertThat(thereafter).isEmpty();
    }

    @Test
    void rawUpdatesAreDeliveredAsGiven() throws Exception {
        long id = emulator.sendRawUpdate("{\"message\":{\"message_id\":7,\"date\":1,"
                + "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"raw\"}}");

        Update update = poll(GetUpdates.builder().build()).get(0);

        assertThat(update.getUpdateId()).isEqualTo((int) id);
        assertThat(update.getMessage().getText()).isEqualTo("raw");
        assertThatThrownBy(() -> emulator.sendRawUpdate("{\"update_id\":" + id + ",\"message\":{}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<Update> poll(GetUpdates getUpdates) throws TelegramApiException {
        return client.telegram().execute(getUpdates);
    }
}
