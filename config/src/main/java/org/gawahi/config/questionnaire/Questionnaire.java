package org.gawahi.config.questionnaire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated questionnaire: its structure and its words in every language it lists.
 * Built only by {@link QuestionnaireLoader}, so every instance has passed the validator.
 */
public final class Questionnaire {
    /** The line, in her language, above the one message a moderator sends her through the bot. */
    public static final String CONTACT_MESSAGE = "contact_from_collective";

    private final String id;
    private final int version;
    private final List<String> languages;
    private final String defaultLanguage;
    private final List<Section> sections;
    private final List<Question> questions;
    private final Map<String, Integer> positions;
    private final Map<String, Texts> texts;
    private final Indicators indicators;

    Questionnaire(String id, int version, List<String> languages, String defaultLanguage,
                  List<Section> sections, Map<String, Texts> texts, Indicators indicators) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.languages = List.copyOf(languages);
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.sections = List.copyOf(sections);
        this.questions = sections.stream().flatMap(s -> s.questions().stream()).toList();
        this.positions = new java.util.HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            positions.put(questions.get(i).id(), i);
        }
        this.texts = Map.copyOf(texts);
        this.indicators = Objects.requireNonNull(indicators, "indicators");
    }

    /** What reports count from this questionnaire; {@link Indicators#defined()} is false without indicators.yaml. */
    public Indicators indicators() {
        return indicators;
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    /** Languages in the order their buttons are shown. */
    public List<String> languages() {
        return languages;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public List<Section> sections() {
        return sections;
    }

    /** All questions in the order they are asked. */
    public List<Question> questions() {
        return questions;
    }

    public Optional<Question> question(String questionId) {
        Integer i = positions.get(questionId);
        return i == null ? Optional.empty() : Optional.of(questions.get(i));
    }

    /** Position of a question in {@link #questions()}, or -1. */
    public int position(String questionId) {
        return positions.getOrDefault(questionId, -1);
    }

    public Texts texts(String language) {
        Texts t = texts.get(language);
        if (t == null) {
            throw new IllegalArgumentException("language not in this questionnaire: " + language);
        }
        return t;
    }

    public boolean supports(String language) {
        return texts.containsKey(language);
    }

    /** Whether a question is shown, given the answers so far. */
    public boolean isShown(Question question, Function<String, Set<String>> answers) {
        Optional<Condition> condition = question.showIf();
        return condition.isEmpty() || condition.get().holds(answers);
    }

    /** The options of a question that are shown, given the answers so far. */
    public List<Option> shownOptions(Question question, Function<String, Set<String>> answers) {
        List<Option> shown = new ArrayList<>(question.options().size());
        for (Option o : question.options()) {
            if (o.showIf().isEmpty() || o.showIf().get().holds(answers)) {
                shown.add(o);
            }
        }
        return Collections.unmodifiableList(shown);
    }

    /**
     * Whether these answers (option ids by question id) include an option the questionnaire
     * marks {@code urgent: true}: such a testimony is flagged on arrival.
     */
    public boolean isUrgent(java.util.Map<String, ? extends Collection<String>> answers) {
        return answers.entrySet().stream().anyMatch(e -> question(e.getKey())
                .map(q -> e.getValue().stream().anyMatch(id -> q.option(id).map(Option::urgent).orElse(false)))
                .orElse(false));
    }

    /**
     * Whether these answers include an option marked {@code contact_in_bot: true}: she asked
     * for one message back through this chat. Answers to hidden questions must already be
     * dropped (as the engine does before submission), so a consent she took back does not count.
     */
    public boolean asksContactInBot(java.util.Map<String, ? extends Collection<String>> answers) {
        return answers.entrySet().stream().anyMatch(e -> question(e.getKey())
                .map(q -> e.getValue().stream().anyMatch(id -> q.option(id).map(Option::contactInBot).orElse(false)))
                .orElse(false));
    }

    /** Fails fast when the engine needs a message that the questionnaire lacks. */
    public void requireMessages(Collection<String> keys) {
        Set<String> missing = keys.stream()
                .filter(k -> !texts.get(defaultLanguage).hasMessage(k))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!missing.isEmpty()) {
            throw new QuestionnaireException(List.of(new QuestionnaireException.Problem(
                    "text/" + defaultLanguage + ".yaml", "messages",
                    "missing messages the bot needs: " + String.join(", ", missing))));
        }
    }
}
