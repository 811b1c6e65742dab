package org.gawahi.bot.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class EmulatorFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private BotApiEmulator emulator;
    private BotClient client;
    private User asha;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.builder(BotClient.TOKEN).clock(clock).start();
        client = new BotClient(emulator);
        asha = emulator.user(42, "Asha", null, "hi");
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void tooManyRequestsSurfacesWithRetryAfterAndSendsNothing() throws Exception {
        emulator.faults().tooManyRequests("sendMessage", 1, 7);

        assertThatThrownBy(() -> send("first try"))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(429);
                    assertThat(error.getParameters().getRetryAfter()).isEqualTo(7);
                });
        assertThat(emulator.chat(42).messages()).isEmpty();
        assertThat(send("second try")).isEqualTo(1);
    }

    @Test
    void tooManyRequestsHitOnlyTheNamedMethod() throws Exception {
        emulator.faults().tooManyRequests("sendMessage", 2, 3);

        assertThat(client.telegram().execute(new GetMe()).getIsBot()).isTrue();
        assertThatThrownBy(() -> send("a")).isInstanceOf(TelegramApiRequestException.class);
        assertThatThrownBy(() -> send("b")).isInstanceOf(TelegramApiRequestException.class);
        assertThat(send("c")).isEqualTo(1);
    }

    @Test
    void aStormLastsForItsDurationOnTheEmulatorsClock() throws Exception {
        emulator.faults().tooManyRequestsFor(Duration.ofSeconds(30), 5);

        assertThatThrownBy(() -> send("a")).isInstanceOf(TelegramApiRequestException.class);
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> client.telegram().execute(new GetMe()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(429));
        clock.advance(Duration.ofSeconds(1));

        assertThat(send("after the storm")).isEqualTo(1);
    }

    @Test
    void serverErrorsFailTheNextCallsThenTheApiRecovers() throws Exception {
        emulator.faults().serverErrors(2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> send("x")).isInstanceOfSatisfying(TelegramApiRequestException.class,
                    error -> assertThat(error.getErrorCode()).isEqualTo(500));
        }
        assertThat(send("x")).isEqualTo(1);
        assertThat(emulator.chat(42).messages()).hasSize(1);
    }

    @Test
    void serverErrorProbabilityDecidesEachCall() throws Exception {
        emulator.faults().serverErrorProbability(1.0);
        assertThatThrownBy(() -> send("x")).isInstanceOf(TelegramApiRequestException.class);

        emulator.faults().serverErrorProbability(0.5);
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            try {
                send("y");
            } catch (TelegramApiRequestException e) {
                failures++;
            }
        }

        assertThat(failures).isBetween(5, 35);
        assertThat(emulator.chat(42).messages()).hasSize(40 - failures);
    }

    @Test
    void aDroppedRequestFailsTheCallAndChangesNothing() throws Exception {
        try (BotClient noRetries = BotClient.withoutRetries(emulator, WAIT)) {
            emulator.faults().dropRequests("sendMessage", 1);

            assertThatThrownBy(() -> noRetries.telegram().executeAsync(new SendMessage("42", "lost"))
                    .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        }
        assertThat(emulator.chat(42).messages()).isEmpty();
        assertThat(emulator.requests("sendMessage")).extracting(RecordedRequest::status).containsExactly(0);
    }

    @Test
    void aLostResponseStillSendsTheMessage() throws Exception {
        try (BotClient noRetries = BotClient.withoutRetries(emulator, WAIT)) {
            emulator.faults().dropResponses("sendMessage", 1);

            assertThatThrownBy(() -> noRetries.telegram().executeAsync(new SendMessage("42", "sent anyway"))
                    .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        }
        assertThat(emulator.chat(42).texts()).containsExactly("sent anyway");
    }

    @Test
    void okHttpRetriesALostResponseOnAPooledConnectionAndSoSendsTwice() throws Exception {
        send("warm up the connection pool");
        emulator.faults().dropResponses("sendMessage", 1);

        send("twice");

        assertThat(emulator.chat(42).texts()).containsExactly("warm up the connection pool", "twice", "twice");
    }

    @Test
    void aReplyWithoutOkFailsTheCallAfterItTookEffect() {
        emulator.faults().omitOk(1);

        assertThatThrownBy(() -> client.telegram().executeAsync(new SendMessage("42", "hello"))
                .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(emulator.chat(42).texts()).containsExactly("hello");
    }

    @Test
    void aSlowReplyOutlastsAShortClientTimeoutYetTakesEffect() {
        emulator.faults().delay("sendMessage", Duration.ofSeconds(2));

        try (BotClient impatient = BotClient.withoutRetries(emulator, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> impatient.telegram().executeAsync(new SendMessage("42", "slow"))
                    .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        }
        assertThat(emulator.awaitBotMessage(42, message -> message.text().equals("slow"), WAIT).id()).isEqualTo(1);
    }

    @Test
    void aRateLimitedGetUpdatesConfirmsNothing() throws Exception {
        emulator.sendText(asha, "hello");
        int updateId = client.telegram().execute(GetUpdates.builder().build()).get(0).getUpdateId();
        emulator.faults().tooManyRequests("getUpdates", 1, 1);

        assertThatThrownBy(() -> client.telegram().execute(GetUpdates.builder().offset(updateId + 1).build()))
                .isInstanceOf(TelegramApiRequestException.class);

        assertThat(emulator.pendingUpdates()).isEqualTo(1);
        assertThat(client.telegram().execute(GetUpdates.builder().build())).hasSize(1);
    }

    @Test
    void theRequestLogRecordsMethodChatAndStatusInOrder() throws Exception {
        send("one");
        emulator.faults().tooManyRequests("sendMessage", 1, 2);
        assertThatThrownBy(() -> send("two")).isInstanceOf(TelegramApiRequestException.class);
        client.telegram().execute(new GetMe());

        assertThat(emulator.requests()).extracting(RecordedRequest::method, RecordedRequest::chatId,
                RecordedRequest::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sendmessage", Optional.of(42L), 200),
                        org.assertj.core.groups.Tuple.tuple("sendmessage", Optional.of(42L), 429),
                        org.assertj.core.groups.Tuple.tuple("getme", Optional.empty(), 200));
        assertThat(emulator.requests()).extracting(RecordedRequest::receivedAt).allSatisfy(
                at -> assertThat(at).isEqualTo(clock.instant()));
    }

    @Test
    void clearingRemovesEveryFault() throws Exception {
        emulator.faults().tooManyRequests(5, 1).serverErrorProbability(1.0).delay(Duration.ofSeconds(5))
                .duplicateDelivery(true);

        emulator.faults().clear();

        assertThat(send("fine")).isEqualTo(1);
    }

    private int send(String text) throws TelegramApiException {
        return client.telegram().execute(new SendMessage("42", text)).getMessageId();
    }
}
