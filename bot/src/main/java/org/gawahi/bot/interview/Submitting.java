package org.gawahi.bot.interview;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.bot.interview.Screen.Ending;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.testimony.Arrival;
import org.gawahi.storage.testimony.ReceiptCode;
import org.gawahi.storage.testimony.Submissions;
import org.gawahi.storage.testimony.TestimonyContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Send" on her review: the testimony goes to {@link Submissions#submit} as one unit of work, and
 * she sees her receipt only after it returned. An urgent one tells the moderators after the
 * commit; a storage failure leaves her draft as it was, with kind words.
 */
final class Submitting {
    private static final Logger log = LoggerFactory.getLogger(Submitting.class);

    private final Questionnaire questionnaire;
    private final Flow flow;
    private final Submissions submissions;
    private final OnScreen onScreen;

    Submitting(Questionnaire questionnaire, Flow flow, Submissions submissions, OnScreen onScreen) {
        this.questionnaire = questionnaire;
        this.flow = flow;
        this.submissions = submissions;
        this.onScreen = onScreen;
    }

    Screen submit(Turn turn) {
        Draft d = turn.draft;
        TestimonyContent content = new TestimonyContent(questionnaire.id(), questionnaire.version(), d.language,
                flow.effectiveAnswers(d), flow.effectiveTexts(d));
        ReceiptCode receipt;
        boolean urgent = questionnaire.isUrgent(content.answers());
        try (SecretBytes sealedInput = content.toJson()) {
            // Her chat is kept (sealed) only when she asked for a message back through this bot.
            Arrival arrival = new Arrival(urgent,
                    questionnaire.asksContactInBot(content.answers()) ? Optional.of(d.language) : Optional.empty());
            receipt = submissions.submit(turn.chat, sealedInput, arrival);
        } catch (RuntimeException e) {
            // The submission is a unit of its own (a savepoint inside a Telegram batch): when it
            // fails, none of its writes are kept, so her draft is exactly as it was and she can
            // send again. A failure it cannot undo alone fails the batch's transaction instead.
            log.warn("submission failed: {}", e.getClass().getName());
            turn.save = false;
            return onScreen.notice(turn, "submit_failed");
        }
        // The store erased the draft in the same transaction as the insert.
        turn.save = false;
        if (urgent) {
            // Told to the moderators only after the commit: a batch rolled back after this stored nothing.
            turn.afterCommit.add(new AfterCommit.UrgentArrival());
        }
        String grouped = receipt.grouped();
        return new Screen(onScreen.texts(turn).message("submitted", Map.of("receipt", grouped)), List.of(), true,
                Optional.of(grouped), Ending.SUBMITTED);
    }
}
