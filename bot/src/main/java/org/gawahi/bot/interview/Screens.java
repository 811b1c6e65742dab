package org.gawahi.bot.interview;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.gawahi.bot.interview.Screen.Button;
import org.gawahi.config.questionnaire.OptionAction;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.QuestionKind;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/** Draws the screen for where a draft stands. Every word comes from the questionnaire's texts. */
final class Screens {
    /** Telegram refuses longer messages; the review is cut to stay under it. */
    static final int MAX_TEXT = 4000;
    static final int MAX_ANSWER_IN_REVIEW = 120;

    /** The messages that offer the sealed form; a questionnaire without them does not offer it. */
    static final List<String> FORM_MESSAGES = List.of("form_offer", "button_form");

    private final Questionnaire questionnaire;
    private final Flow flow;
    private final AnswerKinds kinds;
    private final Optional<String> formUrl;

    Screens(Questionnaire questionnaire, Flow flow, Clock clock) {
        this(questionnaire, flow, new AnswerKinds(questionnaire, flow, clock), Optional.empty());
    }

    Screens(Questionnaire questionnaire, Flow flow, AnswerKinds kinds, Optional<String> formUrl) {
        this.questionnaire = questionnaire;
        this.flow = flow;
        this.kinds = kinds;
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

    /** The question on screen: progress, its text, its kind's part, then the navigation. */
    Screen question(Draft draft) {
        Texts t = texts(draft);
        Question q = questionnaire.question(draft.current).orElseThrow();
        String id = q.id();
        AnswerKind.Part part = kinds.of(q).render(draft, q, t);
        String text = progress(draft, t) + "\n\n" + t.questionText(id) + part.text();
        List<List<Button>> rows = new ArrayList<>(part.rows());
        if (part.navigation() == AnswerKind.Navigation.BACK_ONLY) {
            rows.add(List.of(nav(id, "back", t.message("button_back"))));
            return Screen.of(text, rows);
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
        return Screen.of(text, rows);
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

    /**
     * The words for an answer on the review. A typed answer first, whatever the question's kind
     * is now; then what every kind shares (none, skipped, don't know); then the kind's own words.
     *
     * @param answer the effective answer (options still offered), null when none
     */
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
        return kinds.of(q).label(q, answer, t);
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

    private static Button nav(String questionId, String action, String label) {
        return button(ButtonId.NAV, questionId, action, label);
    }

    static Button button(String kind, String context, String argument, String label) {
        return new Button(new ButtonId(kind, context, argument).data(), label);
    }

    static String truncate(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

}
