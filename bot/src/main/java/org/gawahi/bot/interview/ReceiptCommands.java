package org.gawahi.bot.interview;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gawahi.config.questionnaire.Texts;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.testimony.TestimonyStatus;

/**
 * {@code /status CODE} and {@code /withdraw CODE} with its confirmation: what a receipt lets her
 * do after sending. Tries are limited per chat, and wrong and unknown codes read alike.
 */
final class ReceiptCommands {
    static final int RECEIPT_TRIES = 5;
    static final Duration RECEIPT_WINDOW = Duration.ofHours(1);

    private final Submissions submissions;
    private final AttemptLimiter receiptTries;
    private final PendingWithdrawals withdrawals;
    private final OnScreen onScreen;

    ReceiptCommands(Submissions submissions, Clock clock, OnScreen onScreen) {
        this.submissions = submissions;
        this.receiptTries = new AttemptLimiter(clock, RECEIPT_TRIES, RECEIPT_WINDOW);
        this.withdrawals = new PendingWithdrawals(clock);
        this.onScreen = onScreen;
    }

    Screen status(Turn turn, String argument) {
        turn.save = turn.draft != null;
        Texts t = onScreen.texts(turn);
        Optional<ReceiptCode> code = ReceiptCode.parse(argument);
        if (code.isEmpty()) {
            return onScreen.withCurrent(turn, t.message("status_usage"));
        }
        if (!receiptTries.tryAcquire(turn.chat)) {
            return onScreen.withCurrent(turn, t.message("too_many_tries"));
        }
        // Wrong and unknown codes get the same answer: nothing to learn from trying.
        String key = submissions.status(code.get())
                .map(status -> "status_" + status.name().toLowerCase(Locale.ROOT))
                .orElse("status_unknown");
        return onScreen.withCurrent(turn, t.message(key));
    }

    /**
     * Asks before withdrawing, on a button: a code read off her phone, or typed by mistake, does
     * not destroy a testimony with one message. The code waits in memory, not on the button.
     */
    Screen withdraw(Turn turn, String argument) {
        turn.save = turn.draft != null;
        Texts t = onScreen.texts(turn);
        Optional<ReceiptCode> code = ReceiptCode.parse(argument);
        if (code.isEmpty()) {
            return onScreen.withCurrent(turn, t.message("withdraw_usage"));
        }
        withdrawals.ask(turn.chat, code.get());
        String yes = new ButtonId(ButtonId.WITHDRAW, ButtonId.CTX_WITHDRAW, "yes").data();
        String no = new ButtonId(ButtonId.WITHDRAW, ButtonId.CTX_WITHDRAW, "no").data();
        return Screen.of(t.message("withdraw_confirm"), List.of(List.of(
                new Screen.Button(yes, t.message("withdraw_yes")), new Screen.Button(no, t.message("withdraw_no")))));
    }

    Screen confirmWithdrawal(Turn turn, boolean yes) {
        turn.save = turn.draft != null;
        Texts t = onScreen.texts(turn);
        Optional<ReceiptCode> code = withdrawals.take(turn.chat);
        if (code.isEmpty()) {
            return onScreen.withCurrent(turn, t.message("stale_button"));
        }
        if (!yes) {
            return onScreen.withCurrent(turn, t.message("withdraw_cancelled"));
        }
        if (!receiptTries.tryAcquire(turn.chat)) {
            return onScreen.withCurrent(turn, t.message("too_many_tries"));
        }
        Optional<TestimonyStatus> status = submissions.status(code.get());
        if (status.isPresent() && status.get() == TestimonyStatus.WITHDRAWN) {
            return onScreen.withCurrent(turn, t.message("status_withdrawn"));
        }
        return onScreen.withCurrent(turn, t.message(submissions.withdraw(code.get()) ? "withdrawn" : "status_unknown"));
    }
}
