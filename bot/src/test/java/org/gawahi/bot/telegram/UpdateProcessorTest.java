package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.interview.Screen;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The desk's one reply as the chat's actions: her screen first, then her documents, then others' messages. */
class UpdateProcessorTest {
    private static final Screen SCREEN = new Screen("yours", List.of(), false, Optional.empty(), Screen.Ending.NONE);
    private static final AfterCommit.Job JOB = () -> AfterCommit.Delivery.say("made");

    private UpdateProcessor.Processed process(Desk desk) throws Exception {
        Update update = new ObjectMapper().readValue("{\"update_id\":1,\"message\":{\"message_id\":7,\"date\":1,"
                + UpdateMapperTest.PRIVATE + ",\"text\":\"hello\"}}", Update.class);
        return new UpdateProcessor(new UpdateMapper(), desk, BotHarness.questionnaire()).process(update);
    }

    @Test
    void theReplyBecomesHerScreenWithItsExpiryHerDocumentsAndTheMessagesToOthersInThatOrder() throws Exception {
        Reply reply = Reply.of(SCREEN).expiringAfter(Duration.ofMinutes(10))
                .and(new AfterCommit.Message(ChatRef.of(9), "to nine"))
                .and(new AfterCommit.Documents(JOB))
                .and(new AfterCommit.Message(ChatRef.of(8), "to eight"));

        List<UpdateProcessor.Reply> replies = process((chat, language, input) -> reply).replies();

        assertThat(replies).extracting(UpdateProcessor.Reply::chat)
                .containsExactly(ChatRef.of(42), ChatRef.of(42), ChatRef.of(9), ChatRef.of(8));
        assertThat(replies.get(0).action()).isInstanceOfSatisfying(ChatAction.Show.class,
                show -> assertThat(show.screen()).isEqualTo(SCREEN));
        assertThat(replies.get(0).expiresAfter()).contains(Duration.ofMinutes(10));
        assertThat(replies.get(1).action()).isEqualTo(new ChatAction.Documents(JOB));
        assertThat(replies.get(2).action()).isEqualTo(new ChatAction.Notice("to nine", List.of()));
        assertThat(replies.get(3).action()).isEqualTo(new ChatAction.Notice("to eight", List.of()));
        assertThat(replies.subList(1, 4)).allSatisfy(r -> assertThat(r.expiresAfter()).isEmpty());
    }

    @Test
    void anUrgentArrivalNoDeskAddressedSaysNothingToAnybody() throws Exception {
        List<UpdateProcessor.Reply> replies = process((chat, language, input) -> Reply.of(SCREEN)
                .and(new AfterCommit.UrgentArrival())).replies();

        assertThat(replies).singleElement().satisfies(r -> assertThat(r.chat()).isEqualTo(ChatRef.of(42)));
    }
}
