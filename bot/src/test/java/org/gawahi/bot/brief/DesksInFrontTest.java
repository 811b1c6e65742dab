package org.gawahi.bot.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.gawahi.bot.interview.AfterCommit;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Reply;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.reports.ReportDesk;
import org.gawahi.storage.drafts.ChatRef;
import org.junit.jupiter.api.Test;

/**
 * Briefs in front of reports in front of the desk behind: what the front desks do not take,
 * they answer with the desk behind's reply whole, its expiry and everything it owes others
 * after the commit; nothing of it is dropped, kept for later or handed to another chat.
 */
class DesksInFrontTest {
    private static final Reply BEHIND = Reply.of(new Screen("behind", List.of(), false, Optional.empty(),
                    Screen.Ending.NONE))
            .expiringAfter(Duration.ofMinutes(3))
            .and(new AfterCommit.Message(ChatRef.of(42), "to someone else"))
            .and(new AfterCommit.UrgentArrival())
            .and(new AfterCommit.Documents(() -> AfterCommit.Delivery.say("files")));

    @Test
    void whatTheFrontDesksDoNotTakeIsAnsweredWithTheReplyBehindWhole() {
        Desk behind = (chat, language, input) -> chat.equals(ChatRef.of(7)) ? BEHIND
                : Reply.of(new Screen("another", List.of(), false, Optional.empty(), Screen.Ending.NONE));
        Desk front = new BriefDesk(new ReportDesk(behind, RaidOnRecord.RAID, Optional.empty(), Clock.systemUTC()),
                RaidOnRecord.RAID, Optional.empty());

        for (Input input : List.of(new Input.Text("hello"), new Input.Start(), new Input.Command("report", ""),
                new Input.Command("brief", ""), new Input.Press("b:e:" + "0".repeat(32)))) {
            assertThat(front.handle(ChatRef.of(7), "en", input)).as(input.toString()).isEqualTo(BEHIND);
            assertThat(front.handle(ChatRef.of(8), "en", input).afterCommit()).as("another chat's").isEmpty();
        }
    }
}
