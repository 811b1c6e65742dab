package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class SenderTest {
    private final FakeTime time = new FakeTime();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final ScriptedApi api = new ScriptedApi(time).holdCallbackAnswers(gate);

    private Sender sender(int workers) {
        ReliableCalls calls = new ReliableCalls(api, SendLimits.telegram(), time, time);
        return new Sender(calls, new Presenter(calls), time, workers);
    }

    @Test
    void pressesAreAnsweredOnAsManyThreadsAsTheLanesHave() throws Exception {
        try (Sender sender = sender(4)) {
            for (int i = 1; i <= 4; i++) {
                sender.answerCallback("q" + i);
            }
            // One answering thread fell behind 2 500 presses a second: four must be under way at once.
            Eventually.holds(() -> api.callbackAnswersHeld() == 4);
            gate.countDown();
            assertThat(sender.awaitIdle(Eventually.BOUND)).isTrue();
        }
        assertThat(api.succeeded()).extracting(ScriptedApi.Call::text).containsExactlyInAnyOrder("q1", "q2", "q3", "q4");
    }

    @Test
    void aPressThatWaitedLongerThanTelegramTakesAnswersIsNotAnswered() throws Exception {
        try (Sender sender = sender(1)) {
            sender.answerCallback("early");
            Eventually.holds(() -> api.callbackAnswersHeld() == 1);
            sender.answerCallback("waited");
            time.sleep(Sender.ANSWER_WITHIN.plus(Duration.ofSeconds(1)));
            gate.countDown();
            assertThat(sender.awaitIdle(Eventually.BOUND)).isTrue();
        }
        assertThat(api.succeeded()).extracting(ScriptedApi.Call::text).containsExactly("early");
    }

    @Test
    void aPressAnsweredWithinTheWindowIsAnsweredAfterWaiting() throws Exception {
        try (Sender sender = sender(1)) {
            sender.answerCallback("early");
            Eventually.holds(() -> api.callbackAnswersHeld() == 1);
            sender.answerCallback("soon");
            time.sleep(Sender.ANSWER_WITHIN.minus(Duration.ofSeconds(1)));
            gate.countDown();
            assertThat(sender.awaitIdle(Eventually.BOUND)).isTrue();
        }
        assertThat(api.succeeded()).extracting(ScriptedApi.Call::text).containsExactly("early", "soon");
    }
}
