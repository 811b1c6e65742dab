package org.gawahi.bot.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gawahi.config.questionnaire.DeskMessages;
import org.gawahi.config.questionnaire.DeskTexts;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/**
 * A testimony as a moderator reads it: each answer under its question's short label, in
 * the moderator's language (the questionnaire's default when hers is not offered), in the
 * questionnaire's order; free text as typed, with the parts masked before sealing shown as
 * markers such as {@code [#phone]}. Answers to questions this questionnaire no longer has
 * are listed by their ids at the end, so nothing is hidden from review. The renderer's own
 * words (the header, "(skipped)") are the desk's ({@code desk/<lang>.yaml}), in the
 * moderator's Telegram language.
 */
public final class TestimonyRenderer {
    private final Questionnaire questionnaire;

    public TestimonyRenderer(Questionnaire questionnaire) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
    }

    /** In the questionnaire's {@code language}, with the desk's words in English (the terminal review). */
    public String render(OpenedTestimony t, String language) {
        return render(t, language, DeskMessages.shipped().english());
    }

    /** Answers in the questionnaire's {@code language}, the desk's own words in {@code words}' language. */
    public String render(OpenedTestimony t, String language, DeskTexts words) {
        Texts texts = questionnaire.texts(questionnaire.supports(language) ? language : questionnaire.defaultLanguage());
        StringBuilder s = new StringBuilder();
        s.append(words.message("testimony_header", Map.of("id", t.shortId(), "day", t.submittedDay().toString(),
                "status", words.message("status_" + t.status().name().toLowerCase(java.util.Locale.ROOT)))));
        if (t.urgent()) {
            s.append(" · ").append(words.message("testimony_urgent"));
        }
        t.eventId().ifPresent(e -> s.append(" · ").append(words.message("testimony_event", "event", e.substring(0, 8))));
        s.append("\n").append(words.message("testimony_given_in", "language", t.content().language())).append("\n");
        Set<String> shown = new LinkedHashSet<>();
        for (Question q : questionnaire.questions()) {
            List<String> answer = t.content().answer(q.id());
            String text = t.content().texts().get(q.id());
            if (answer.isEmpty() && text == null) {
                continue;
            }
            shown.add(q.id());
            s.append("\n").append(texts.shortLabel(q.id())).append("\n");
            if (!answer.isEmpty()) {
                s.append("  ").append(String.join("; ", answer.stream().map(a -> label(texts, words, q, a)).toList())).append("\n");
            }
            if (text != null) {
                s.append("  ✎ ").append(text).append("\n");
            }
        }
        t.content().answers().keySet().stream().filter(id -> !shown.contains(id)).sorted()
                .forEach(id -> s.append("\n").append(id).append("\n  ").append(String.join("; ", t.content().answer(id))).append("\n"));
        t.content().texts().keySet().stream().filter(id -> !shown.contains(id)).sorted()
                .forEach(id -> s.append("\n").append(id).append("\n  ✎ ").append(t.content().texts().get(id)).append("\n"));
        return s.toString().stripTrailing();
    }

    /** The questions with a free-text answer, in questionnaire order: what can be redacted. */
    public List<String> textQuestions(OpenedTestimony t) {
        List<String> ids = new ArrayList<>();
        questionnaire.questions().stream().map(Question::id).filter(t.content().texts()::containsKey).forEach(ids::add);
        t.content().texts().keySet().stream().filter(id -> !ids.contains(id)).sorted().forEach(ids::add);
        return ids;
    }

    /** The short label of a question, for a redaction button; its id when the questionnaire lacks it. */
    public String questionLabel(String questionId, String language) {
        Texts texts = questionnaire.texts(questionnaire.supports(language) ? language : questionnaire.defaultLanguage());
        return questionnaire.question(questionId).isPresent() ? texts.shortLabel(questionId) : questionId;
    }

    private static String label(Texts texts, DeskTexts words, Question q, String answer) {
        if ("_skip".equals(answer)) {
            return words.message("answer_skipped");
        }
        if ("_dont_know".equals(answer)) {
            return words.message("answer_dont_know");
        }
        if (q.option(answer).isPresent()) {
            try {
                return texts.optionLabel(q.id(), answer);
            } catch (IllegalStateException e) {
                return answer;
            }
        }
        return answer; // a month, a year
    }
}
