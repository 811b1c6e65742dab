package org.gawahi.bot.interview;

import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.gawahi.bot.interview.Screen.Button;
import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.OptionAction;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.QuestionKind;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/** Draws the screen for where a draft stands. Every word comes from the questionnaire's texts. */
final class Screens {
    /** Telegram refuses longer messages; the review is cut to stay under it. */
    static final int MAX_TEXT = 4000;
    private static final int MAX_ANSWER_IN_REVIEW = 120;

    /** The messages that offer the sealed form; a questionnaire without them does not offer it. */
    static final List<String> FORM_MESSAGES = List.of("form_offer", "button_form");

    private final Questionnaire questionnaire;
    private final Flow flow;
    private final Clock clock;
    private final java.util.Optional<String> formUrl;

    Screens(Questionnaire questionnaire, Flow flow, Clock clock) {
        this(questionnaire, flow, clock, java.util.Optional.empty());
    }

    Screens(Questionnaire questionnaire, Flow flow, Clock clock, java.util.Optional<String> formUrl) {
        this.questionnaire = questionnaire;
        this.flow = flow;
        this.clock = clock;
        this.formUrl = formUrl;
    }

    Texts texts(Draft draft) {
        return questionnaire.texts(draft.language == null ? questionnaire.defaultLanguage() : draft.language);
    }

    Screen render(Draft draft) {
        return switch (draft.stage) {
            case LANGUAGE -> language(draft.language);
            case QUESTION -> question(draft);
            case REVIEW -> review(draft);
            case REVIEW_PICK -> reviewPick(draft);
            case ERASE_CONFIRM -> eraseConfirm(draft);
            case PAUSED -> paused(draft);
            case RESUME -> resume(draft);
        };
    }

    Screen language(String guess) {
        String shown = guess == null ? questionnaire.defaultLanguage() : guess;
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        List<String> order = new ArrayList<>(questionnaire.languages());
        order.remove(shown);
        order.add(0, shown);
        for (String language : order) {
            row.add(button(ButtonId.LANGUAGE, ButtonId.CTX_LANGUAGE, language, questionnaire.texts(language).languageName()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        Texts t = questionnaire.texts(shown);
        if (formUrl.isPresent() && FORM_MESSAGES.stream().allMatch(t::hasMessage)) {
            // Her first screen: the private form beside the chat, with one line on the difference.
            rows.add(List.of(Button.webApp(ButtonId.FORM, t.message("button_form"), formUrl.get())));
            return Screen.of(t.message("form_offer") + "\n\n" + t.message("choose_language"), rows);
        }
        return Screen.of(t.message("choose_language"), rows);
    }

    Screen question(Draft draft) {
        Texts t = texts(draft);
        Question q = questionnaire.question(draft.current).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append(progress(draft, t)).append("\n\n");
        List<List<Button>> rows = new ArrayList<>();
        String id = q.id();
        if (q.kind() == QuestionKind.MONTH_YEAR && draft.pendingYear != null) {
            text.append(t.questionText(id)).append("\n\n").append(t.message("pick_month", Map.of("year", draft.pendingYear.toString())));
            rows.addAll(grid(monthButtons(id, draft.pendingYear, t), 3));
            rows.add(List.of(button(ButtonId.MONTH, id, "0", t.message("button_only_year"))));
            rows.add(List.of(nav(id, "back", t.message("button_back"))));
            return Screen.of(text.toString(), rows);
        }
        text.append(t.questionText(id));
        switch (q.kind()) {
            case SINGLE, NUMBER_BAND -> {
                for (Option o : questionnaire.shownOptions(q, flow.answersView(draft))) {
                    rows.add(List.of(button(ButtonId.ANSWER, id, o.id(), t.optionLabel(id, o.id()))));
                }
            }
            case MULTI -> {
                text.append("\n\n").append(t.message("multi_hint"));
                for (Option o : questionnaire.shownOptions(q, flow.answersView(draft))) {
                    String label = t.optionLabel(id, o.id());
                    if (draft.pending.contains(o.id())) {
                        label = t.message("selected_mark") + " " + label;
                    }
                    rows.add(List.of(button(ButtonId.ANSWER, id, o.id(), label)));
                }
                rows.add(List.of(button(ButtonId.DONE, id, "done", t.message("button_done"))));
            }
            case MONTH_YEAR -> {
                text.append("\n\n").append(t.message("pick_year"));
                int thisYear = Year.now(clock).getValue();
                List<Button> years = new ArrayList<>();
                for (int y = thisYear; y >= thisYear - q.yearsBack(); y--) {
                    years.add(button(ButtonId.YEAR, id, Integer.toString(y), Integer.toString(y)));
                }
                rows.addAll(grid(years, 4));
            }
            case INFO -> rows.add(List.of(nav(id, "continue", t.message("button_continue"))));
            case TEXT -> {
                // answered by typing; only the navigation below
            }
        }
        List<Button> answerNav = new ArrayList<>();
        if (q.skip()) {
            answerNav.add(nav(id, "skip", t.message("button_skip")));
        }
        if (q.dontKnow()) {
            answerNav.add(nav(id, "dk", t.message("button_dont_know")));
        }
        if (!answerNav.isEmpty()) {
            rows.add(answerNav);
        }
        rows.add(List.of(nav(id, "back", t.message("button_back")), nav(id, "pause", t.message("button_pause")),
                nav(id, "erase", t.message("button_erase"))));
        return Screen.of(text.toString(), rows);
    }

    private String progress(Draft draft, Texts t) {
        List<Question> shown = flow.shownQuestions(draft);
        int n = 0;
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(draft.current)) {
                n = i + 1;
            }
        }
        return t.message("progress", Map.of("n", Integer.toString(n), "total", Integer.toString(shown.size())));
    }

    /** The last month a raid in {@code year} can have happened in: no month after this one. */
    int lastMonth(int year) {
        YearMonth now = YearMonth.now(clock);
        return year == now.getYear() ? now.getMonthValue() : 12;
    }

    private List<Button> monthButtons(String id, int year, Texts t) {
        List<Button> months = new ArrayList<>();
        for (int m = 1; m <= lastMonth(year); m++) {
            months.add(button(ButtonId.MONTH, id, Integer.toString(m), t.message("month_" + m)));
        }
        return months;
    }

    Screen review(Draft draft) {
        Texts t = texts(draft);
        StringBuilder text = new StringBuilder(t.message("review_title")).append("\n");
        List<Question> listed = reviewable(draft);
        if (listed.isEmpty()) {
            text.append("\n").append(t.message("review_empty"));
        }
        Map<String, List<String>> answers = flow.effectiveAnswers(draft);
        for (Question q : listed) {
            String line = "\n• " + t.shortLabel(q.id()) + ": " + answerLabel(q, draft, answers.get(q.id()), t);
            if (text.length() + line.length() > MAX_TEXT - 10) {
                text.append("\n…");
                break;
            }
            text.append(line);
        }
        List<List<Button>> rows = List.of(
                List.of(button(ButtonId.REVIEW, ButtonId.CTX_REVIEW, "submit", t.message("button_submit"))),
                List.of(button(ButtonId.REVIEW, ButtonId.CTX_REVIEW, "change", t.message("button_change"))),
                List.of(button(ButtonId.REVIEW, ButtonId.CTX_REVIEW, "back", t.message("button_back")),
                        button(ButtonId.REVIEW, ButtonId.CTX_REVIEW, "erase", t.message("button_erase"))));
        return Screen.of(text.toString(), rows);
    }

    Screen reviewPick(Draft draft) {
        Texts t = texts(draft);
        List<List<Button>> rows = new ArrayList<>();
        for (Question q : reviewable(draft)) {
            rows.add(List.of(button(ButtonId.EDIT, ButtonId.CTX_PICK, q.id(), truncate(t.shortLabel(q.id()), 40))));
        }
        rows.add(List.of(button(ButtonId.REVIEW, ButtonId.CTX_PICK, "review", t.message("button_review"))));
        return Screen.of(t.message("review_change_pick"), rows);
    }

    /** Questions on the review: shown and answerable ones, not the consent gates. */
    List<Question> reviewable(Draft draft) {
        return flow.shownQuestions(draft).stream()
                .filter(q -> q.kind() != QuestionKind.INFO)
                .filter(q -> q.options().stream().allMatch(o -> o.action() == OptionAction.CONTINUE))
                .toList();
    }

    /** @param answer the effective answer (options still offered), null when none */
    String answerLabel(Question q, Draft draft, List<String> answer, Texts t) {
        if (draft.texts.containsKey(q.id())) {
            return truncate(draft.texts.get(q.id()), MAX_ANSWER_IN_REVIEW);
        }
        if (answer == null || answer.isEmpty()) {
            return "—";
        }
        if (answer.contains(Draft.SKIP)) {
            return t.message("answer_skipped");
        }
        if (answer.contains(Draft.DONT_KNOW)) {
            return t.message("answer_dont_know");
        }
        if (q.kind() == QuestionKind.MONTH_YEAR) {
            String[] parts = answer.get(0).split("-");
            return parts.length == 2 ? t.message("month_" + Integer.parseInt(parts[1])) + " " + parts[0] : parts[0];
        }
        List<String> labels = new ArrayList<>();
        for (String optionId : answer) {
            q.option(optionId).ifPresent(o -> labels.add(t.optionLabel(q.id(), o.id())));
        }
        return labels.isEmpty() ? t.message("answer_none") : truncate(String.join(", ", labels), MAX_ANSWER_IN_REVIEW);
    }

    Screen eraseConfirm(Draft draft) {
        Texts t = texts(draft);
        return Screen.of(t.message("erase_confirm"), List.of(
                List.of(button(ButtonId.ERASE, ButtonId.CTX_ERASE, "yes", t.message("button_erase_yes"))),
                List.of(button(ButtonId.ERASE, ButtonId.CTX_ERASE, "no", t.message("button_erase_no")))));
    }

    Screen paused(Draft draft) {
        Texts t = texts(draft);
        return Screen.of(t.message("paused"), List.of(
                List.of(button(ButtonId.PAUSED, ButtonId.CTX_PAUSED, "resume", t.message("button_resume")))));
    }

    Screen resume(Draft draft) {
        Texts t = texts(draft);
        return Screen.of(t.message("resume_prompt"), List.of(
                List.of(button(ButtonId.RESUME, ButtonId.CTX_RESUME, "continue", t.message("button_resume"))),
                List.of(button(ButtonId.RESUME, ButtonId.CTX_RESUME, "over", t.message("button_start_over"))),
                List.of(button(ButtonId.RESUME, ButtonId.CTX_RESUME, "erase", t.message("button_erase")))));
    }

    private static List<List<Button>> grid(List<Button> buttons, int perRow) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += perRow) {
            rows.add(buttons.subList(i, Math.min(buttons.size(), i + perRow)));
        }
        return rows;
    }

    private static Button nav(String questionId, String action, String label) {
        return button(ButtonId.NAV, questionId, action, label);
    }

    private static Button button(String kind, String context, String argument, String label) {
        return new Button(new ButtonId(kind, context, argument).data(), label);
    }

    static String truncate(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

}
