package org.gawahi.config.questionnaire;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every word a respondent sees, in one language. Looked up by the ids of the structure;
 * the validator has already checked that every lookup the structure implies succeeds, so a
 * missing text here is a bug and fails loudly.
 */
public final class Texts {
    private final String language;
    private final String languageName;
    private final Map<String, String> messages;
    private final Map<String, String> sectionTitles;
    private final Map<String, QuestionText> questions;

    /** The words of one question: its text, a short label for the review, option labels. */
    public record QuestionText(String text, Optional<String> shortLabel, Map<String, String> options) {
        public QuestionText {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(shortLabel, "shortLabel");
            options = Map.copyOf(options);
        }
    }

    public Texts(String language, String languageName, Map<String, String> messages,
                 Map<String, String> sectionTitles, Map<String, QuestionText> questions) {
        this.language = Objects.requireNonNull(language, "language");
        this.languageName = Objects.requireNonNull(languageName, "languageName");
        this.messages = Map.copyOf(messages);
        this.sectionTitles = Map.copyOf(sectionTitles);
        this.questions = Map.copyOf(questions);
    }

    public String language() {
        return language;
    }

    public String languageName() {
        return languageName;
    }

    public boolean hasMessage(String key) {
        return messages.containsKey(key);
    }

    /** A message with its {placeholders} filled in. */
    public String message(String key, Map<String, String> params) {
        String text = messages.get(key);
        if (text == null) {
            throw new IllegalStateException("no message '" + key + "' in language " + language);
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            text = text.replace("{" + p.getKey() + "}", p.getValue());
        }
        return text;
    }

    public String message(String key) {
        return message(key, Map.of());
    }

    public String questionText(String questionId) {
        return question(questionId).text();
    }

    /** The short label for the review screen, or the question text when none was given. */
    public String shortLabel(String questionId) {
        QuestionText q = question(questionId);
        return q.shortLabel().orElse(q.text());
    }

    public String optionLabel(String questionId, String optionId) {
        String label = question(questionId).options().get(optionId);
        if (label == null) {
            throw new IllegalStateException("no label for " + questionId + "." + optionId + " in " + language);
        }
        return label;
    }

    public String sectionTitle(String sectionId) {
        return sectionTitles.getOrDefault(sectionId, "");
    }

    Map<String, String> messages() {
        return messages;
    }

    Map<String, String> sectionTitles() {
        return sectionTitles;
    }

    Map<String, QuestionText> questions() {
        return questions;
    }

    private QuestionText question(String questionId) {
        QuestionText q = questions.get(questionId);
        if (q == null) {
            throw new IllegalStateException("no text for question " + questionId + " in " + language);
        }
        return q;
    }
}
