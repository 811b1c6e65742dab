package org.gawahi.bot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.config.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a receipt code can do later: /status and /withdraw, and how often she may try. */
class ReceiptCommandsTest {
    private static final String NOBODY_HAS_THIS = "1111 2222 3333 4444";

    @TempDir
    static Path folder;
    static Questionnaire questionnaire;

    @BeforeAll
    static void loadQuestionnaire() {
        questionnaire = RaidQuestionnaire.load(folder);
    }

    /** A submitted testimony; the conversation's last screen holds the receipt. */
    private static Conversation submitted() {
        return Conversation.over(questionnaire).withClientLanguage("en").startIn("en").answerPlainlyToReview().submit();
    }

    static final String YES = "w:withdraw:yes";
    static final String NO = "w:withdraw:no";

    private static String receipt(Conversation c) {
        return c.screen().receipt().orElseThrow();
    }

    @Test
    void statusOfAFreshTestimonyIsPending() {
        Conversation c = submitted();

        c.command("/status " + receipt(c));

        assertThat(c.text()).isEqualTo(c.english("status_pending"));
    }

    @Test
    void codeIsAcceptedWithoutSpacesOrWithDashes() {
        Conversation c = submitted();
        String code = receipt(c);

        c.command("/status " + code.replace(" ", ""));
        assertThat(c.text()).isEqualTo(c.english("status_pending"));
        c.command("/status " + code.replace(' ', '-'));
        assertThat(c.text()).isEqualTo(c.english("status_pending"));
    }

    @Test
    void withdrawTakesItBackAndStatusSaysSo() {
        Conversation c = submitted();
        String code = receipt(c);

        c.command("/withdraw " + code).press(YES);
        assertThat(c.text()).isEqualTo(c.english("withdrawn"));
        assertThat(c.submitted()).isEmpty();

        c.command("/status " + code);
        assertThat(c.text()).isEqualTo(c.english("status_withdrawn"));
        c.command("/withdraw " + code).press(YES);
        assertThat(c.text()).isEqualTo(c.english("status_withdrawn"));
    }

    @Test
    void withdrawAsksOnAButtonWithoutShowingTheCodeAndDestroysNothingBeforeIt() {
        Conversation c = submitted();
        String code = receipt(c);

        c.command("/withdraw " + code);

        assertThat(c.text()).isEqualTo(c.english("withdraw_confirm")).doesNotContain(code)
                .doesNotContain(code.replace(" ", ""));
        assertThat(c.screen().buttons()).extracting(Screen.Button::id).containsExactly(YES, NO);
        assertThat(c.screen().buttons()).allMatch(b -> !b.id().contains(code.replace(" ", "")));
        assertThat(c.submitted()).hasSize(1);
    }

    @Test
    void noOnTheConfirmationKeepsTheTestimony() {
        Conversation c = submitted();
        String code = receipt(c);

        c.command("/withdraw " + code).press(NO);

        assertThat(c.text()).isEqualTo(c.english("withdraw_cancelled"));
        c.command("/status " + code);
        assertThat(c.text()).isEqualTo(c.english("status_pending"));
    }

    @Test
    void aConfirmationNobodyAskedForWithdrawsNothing() {
        Conversation c = submitted();
        String code = receipt(c);
        Conversation elsewhere = c.anotherChat(80).withClientLanguage("en");
        elsewhere.command("/withdraw " + code);

        c.press(YES); // her chat never asked: a forged press, or one after a restart
        c.press(YES);

        assertThat(c.text()).startsWith(c.english("stale_button"));
        assertThat(c.submitted()).hasSize(1);
        elsewhere.press(YES);
        elsewhere.press(YES); // asked once, confirmed once
        assertThat(elsewhere.text()).startsWith(c.english("stale_button"));
    }

    @Test
    void wrongCodeIsAnsweredLikeAnUnknownOne() {
        Conversation c = submitted();

        c.command("/status " + NOBODY_HAS_THIS);
        assertThat(c.text()).isEqualTo(c.english("status_unknown"));
        c.command("/withdraw " + NOBODY_HAS_THIS).press(YES);
        assertThat(c.text()).isEqualTo(c.english("status_unknown"));
        assertThat(c.submitted()).hasSize(1);
    }

    @Test
    void anotherChatCanUseTheCodeToo() {
        Conversation c = submitted();

        Conversation elsewhere = c.anotherChat(77).withClientLanguage("en").command("/status " + receipt(c));

        assertThat(elsewhere.text()).isEqualTo(c.english("status_pending"));
    }

    @Test
    void commandWithoutACodeExplainsHowToUseIt() {
        Conversation c = Conversation.over(questionnaire).withClientLanguage("en").startIn("en");

        c.command("/status");
        assertThat(c.text()).startsWith(c.english("status_usage"));
        c.command("/withdraw 12345");
        assertThat(c.text()).startsWith(c.english("withdraw_usage"));
        assertThat(c.currentQuestion()).isEqualTo("c1");
    }

    @Test
    void moreThanFiveTriesInAnHourAreRefused() {
        Conversation c = submitted();
        String code = receipt(c);
        for (int i = 0; i < ReceiptCommands.RECEIPT_TRIES; i++) {
            c.command("/status " + NOBODY_HAS_THIS);
        }

        c.command("/status " + code);
        assertThat(c.text()).isEqualTo(c.english("too_many_tries"));
        c.command("/withdraw " + code).press(YES);
        assertThat(c.text()).isEqualTo(c.english("too_many_tries"));
        assertThat(c.submitted()).hasSize(1);
    }

    @Test
    void triesAreCountedPerChat() {
        Conversation c = submitted();
        String code = receipt(c);
        for (int i = 0; i < ReceiptCommands.RECEIPT_TRIES + 1; i++) {
            c.command("/status " + NOBODY_HAS_THIS);
        }

        Conversation elsewhere = c.anotherChat(78).withClientLanguage("en").command("/status " + code);

        assertThat(elsewhere.text()).isEqualTo(c.english("status_pending"));
    }

    @Test
    void statusDuringAnInterviewKeepsHerPlace() {
        Conversation c = submitted();
        String code = receipt(c);
        c.startIn("en").answerPlainlyUntil("q5");

        c.command("/status " + code);

        assertThat(c.text()).startsWith(c.english("status_pending"));
        assertThat(c.currentQuestion()).isEqualTo("q5");
    }

    @Test
    void statusWithoutAConversationKeepsNoDraft() {
        Conversation c = submitted();
        String code = receipt(c);
        Conversation fresh = c.anotherChat(79);

        fresh.command("/status " + code);

        assertThat(fresh.draftCount()).isZero();
    }
}
