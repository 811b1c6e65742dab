package org.gawahi.bot.interview;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The message keys the engine itself uses; a questionnaire without them is refused at start. */
final class EngineMessages {
    static final List<String> REQUIRED = Stream.concat(Stream.of(
            "choose_language", "button_skip", "button_dont_know", "button_back", "button_pause", "button_erase",
            "button_done", "button_continue", "button_submit", "button_change", "button_erase_yes", "button_erase_no",
            "button_only_year", "button_resume", "button_start_over", "button_review", "answer_skipped",
            "answer_dont_know", "answer_none", "use_buttons", "stale_button", "unsupported_input", "text_too_long",
            "text_empty", "text_masked", "number_not_understood", "pick_year", "pick_month", "multi_hint",
            "multi_empty", "selected_mark", "paused", "resume_prompt", "erase_confirm", "erased", "quick_exit",
            "review_title", "review_change_pick", "review_empty", "submitted", "submit_failed", "after_done", "help",
            "unknown_command", "error_generic", "status_usage", "status_pending", "status_approved",
            "status_rejected", "status_withdrawn", "status_unknown", "withdraw_usage", "withdrawn", "withdraw_confirm",
            "withdraw_yes", "withdraw_no", "withdraw_cancelled", "too_many_tries",
            "group_chat", "edited_ignored", "progress", "language_changed", "not_in_this_question"),
            IntStream.rangeClosed(1, 12).mapToObj(m -> "month_" + m)).toList();

    private EngineMessages() {
    }
}
