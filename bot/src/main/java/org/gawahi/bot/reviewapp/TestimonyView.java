package org.gawahi.bot.reviewapp;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gawahi.bot.moderation.OpenedTestimony;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/**
 * A testimony as the review page shows it, as JSON-ready maps: what TestimonyRenderer writes
 * for the chat, but structured: each answer under its question's short label in the
 * moderator's language, in the questionnaire's order, free text as typed with the masked parts
 * left as their markers ({@code [#phone]}) for the page to mark, answers to questions the
 * questionnaire no longer has listed by id at the end. Built for one response and dropped.
 */
final class TestimonyView {
    static final String SKIP = "_skip";
    static final String DONT_KNOW = "_dont_know";

    private final Questionnaire questionnaire;

    TestimonyView(Questionnaire questionnaire) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
    }

    Map<String, Object> of(OpenedTestimony t, String language, boolean canContact, LocalDate today) {
        Texts texts = questionnaire.texts(questionnaire.supports(language) ? language : questionnaire.defaultLanguage());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("shortId", t.shortId());
        out.put("submitted", t.submittedDay().toString());
        out.put("waitingDays", ChronoUnit.DAYS.between(t.submittedDay(), today));
        out.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("urgent", t.urgent());
        out.put("event", t.eventId().map(e -> e.substring(0, Math.min(8, e.length()))).orElse(null));
        out.put("givenIn", t.content().language());
        out.put("canContact", canContact);
        List<Map<String, Object>> items = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Question q : questionnaire.questions()) {
            List<String> answer = t.content().answer(q.id());
            String text = t.content().texts().get(q.id());
            if (answer.isEmpty() && text == null) {
                continue;
            }
            shown.add(q.id());
            items.add(item(q.id(), texts.shortLabel(q.id()), answer.stream().map(a -> label(texts, q, a)).toList(), text));
        }
        t.content().answers().keySet().stream().filter(id -> !shown.contains(id)).sorted()
                .forEach(id -> items.add(item(id, id, t.content().answer(id), t.content().texts().get(id))));
        t.content().texts().keySet().stream().filter(id -> !shown.contains(id) && !t.content().answers().containsKey(id))
                .sorted().forEach(id -> items.add(item(id, id, List.of(), t.content().texts().get(id))));
        out.put("items", items);
        return out;
    }

    private static Map<String, Object> item(String question, String label, List<String> answers, String text) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("question", question);
        item.put("label", label);
        item.put("answers", answers);
        item.put("text", text);
        return item;
    }

    /** An option's label; the page turns {@value #SKIP} and {@value #DONT_KNOW} into its own words. */
    private static String label(Texts texts, Question q, String answer) {
        if (SKIP.equals(answer) || DONT_KNOW.equals(answer)) {
            return answer;
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
