package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Pacing and retries on a fake clock: no wall time involved. */
class ReliableCallsTest {
    FakeTime time = new FakeTime();
    ScriptedApi api = new ScriptedApi(time);
    ReliableCalls calls = new ReliableCalls(api, SendLimits.telegram(), time, time);

    @Test
    void oneChatGetsAShortBurstThenAboutOneMessageASecond() throws Exception {
        Instant start = time.instant();
        for (int i = 0; i < 10; i++) {
            calls.send(1, "m" + i, List.of());
        }

        List<Instant> at = api.succeeded().stream().map(ScriptedApi.Call::at).toList();
        assertThat(at.subList(0, 3)).containsOnly(start);
        for (int i = 3; i < 10; i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i))).isBetween(Duration.ofMillis(990), Duration.ofMillis(1010));
        }
    }

    @Test
    void manyChatsTogetherNeverGetMoreThanThirtyInAnySecond() throws Exception {
        for (long chat = 1; chat <= 200; chat++) {
            calls.send(chat, "m", List.of());
        }

        List<Instant> at = api.succeeded().stream().map(ScriptedApi.Call::at).toList();
        assertThat(at).hasSize(200);
        for (Instant from : at) {
            long inWindow = at.stream().filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(1))).count();
            assertThat(inWindow).isLessThanOrEqualTo(30);
        }
        assertThat(Duration.between(at.get(0), at.get(199))).isLessThan(Duration.ofSeconds(9));
    }

    @Test
    void tooManyRequestsIsHonouredWithItsRetryAfter() throws Exception {
        api.failNext(ApiException.retryAfter("sendMessage", Duration.ofSeconds(7)));
        Instant start = time.instant();

        assertThat(calls.send(1, "m", List.of())).isPresent();

        assertThat(api.succeeded().get(0).at()).isAfterOrEqualTo(start.plusSeconds(7));
    }

    @Test
    void aChatsMinuteOf429DelaysNoOtherChat() throws Exception {
        ReliableCalls giveUpAtOnce = new ReliableCalls(api, new SendLimits(25, 5, 1, 3, 5, Duration.ofMillis(500), 0),
                time, time);
        api.failNext(ApiException.retryAfter("sendMessage", Duration.ofSeconds(60)));
        Instant start = time.instant();
        assertThat(giveUpAtOnce.send(1, "dropped", List.of())).isEmpty();

        giveUpAtOnce.send(2, "other chat", List.of());
        giveUpAtOnce.send(1, "same chat", List.of());

        assertThat(api.succeeded()).extracting(ScriptedApi.Call::text).containsExactly("other chat", "same chat");
        assertThat(api.succeeded().get(0).at()).isEqualTo(start);
        assertThat(api.succeeded().get(1).at()).isAfterOrEqualTo(start.plus(ReliableCalls.MAX_RETRY_WAIT));
    }

    @Test
    void anAbsurdRetryAfterIsWaitedAtMostTheCapAtATime() throws Exception {
        api.failNext(ApiException.retryAfter("sendMessage", Duration.ofDays(30)));
        Instant start = time.instant();

        assertThat(calls.send(1, "m", List.of())).isPresent();

        assertThat(api.succeeded().get(0).at()).isBetween(start.plus(ReliableCalls.MAX_RETRY_WAIT),
                start.plus(ReliableCalls.MAX_RETRY_WAIT).plusSeconds(1));
        assertThat(time.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(ReliableCalls.MAX_RETRY_WAIT));
    }

    @Test
    void serverErrorsAreRetriedWithDoublingWaitsAndThenDropped() throws Exception {
        for (int i = 0; i < 5; i++) {
            api.failNext(ApiException.transientFailure("sendMessage", 502, null));
        }

        assertThat(calls.send(1, "m", List.of())).isEmpty();

        assertThat(api.attempts()).isEqualTo(SendLimits.telegram().transientTries());
        assertThat(time.sleeps()).containsSubsequence(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aTransientFailureThenSuccessDeliversOnce() throws Exception {
        api.failNext(ApiException.transientFailure("sendMessage", 0, null));

        assertThat(calls.send(1, "m", List.of())).isPresent();
        assertThat(api.succeeded()).hasSize(1);
    }

    @Test
    void aRejectionIsNotRetried() throws Exception {
        api.failNext(ApiException.rejected("sendMessage", 403, "Forbidden: bot was blocked by the user"));

        assertThat(calls.send(1, "m", List.of())).isEmpty();
        assertThat(api.attempts()).isEqualTo(1);
    }

    @Test
    void anEditThatChangesNothingCountsAsDone() throws Exception {
        api.failNext(ApiException.rejected("editMessageText", 400, "Bad Request: message is not modified: ..."));

        assertThat(calls.edit(1, 5, "t", List.of())).isEqualTo(ReliableCalls.Edit.EDITED);
    }

    @Test
    void anEditOfAMessageThatIsGoneSaysSo() throws Exception {
        api.failNext(ApiException.rejected("editMessageText", 400, "Bad Request: message to edit not found"));

        assertThat(calls.edit(1, 5, "t", List.of())).isEqualTo(ReliableCalls.Edit.GONE);
    }

    @Test
    void callbackAnswersWaitForNoBucket() throws Exception {
        for (int i = 0; i < 5; i++) {
            calls.send(1, "m", List.of());
        }
        Instant busy = time.instant();

        calls.answerCallback("q");

        assertThat(api.succeeded().get(5).at()).isEqualTo(busy);
    }

    @Test
    void deletesGoInBatchesOfAHundred() throws Exception {
        calls.delete(1, IntStream.rangeClosed(1, 250).boxed().toList());

        assertThat(api.succeeded()).extracting(ScriptedApi.Call::method).containsExactly("deleteMessages",
                "deleteMessages", "deleteMessages");
    }
}
