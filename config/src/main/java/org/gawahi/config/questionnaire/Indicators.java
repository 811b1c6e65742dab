package org.gawahi.config.questionnaire;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The indicators of a questionnaire ({@code indicators.yaml}) with their safeguards and
 * their words in each language that has a {@code report/<lang>.yaml}. Built by the loader,
 * so it has passed the validator; a questionnaire without {@code indicators.yaml} has none.
 */
public final class Indicators {
    /** Reports are always available in this language; others are optional. */
    public static final String REQUIRED_LANGUAGE = "en";

    private final Optional<Counting> counting;
    private final List<Safeguard> safeguards;
    private final List<Indicator> indicators;
    private final Map<String, ReportTexts> texts;

    Indicators(Optional<Counting> counting, List<Safeguard> safeguards, List<Indicator> indicators,
               Map<String, ReportTexts> texts) {
        this.counting = Objects.requireNonNull(counting, "counting");
        this.safeguards = List.copyOf(safeguards);
        this.indicators = List.copyOf(indicators);
        this.texts = Map.copyOf(texts);
    }

    static Indicators none() {
        return new Indicators(Optional.empty(), List.of(), List.of(), Map.of());
    }

    /** False when the questionnaire has no indicators.yaml: it cannot be reported on. */
    public boolean defined() {
        return counting.isPresent();
    }

    public Counting counting() {
        return counting.orElseThrow(() -> new IllegalStateException("this questionnaire defines no indicators"));
    }

    public List<Indicator> all() {
        return indicators;
    }

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<Safeguard> safeguards() {
        return safeguards;
    }

    public Safeguard safeguard(String id) {
        return safeguards.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no safeguard " + id));
    }

    /** Languages a report can be written in, English first. */
    public Set<String> languages() {
        return new TreeSet<>(texts.keySet());
    }

    public boolean supports(String language) {
        return texts.containsKey(language);
    }

    public ReportTexts texts(String language) {
        ReportTexts t = texts.get(language);
        if (t == null) {
            throw new IllegalArgumentException("no report words in language " + language);
        }
        return t;
    }

    /** Fails fast when a report writer needs a message that report/en.yaml lacks. */
    public void requireMessages(Collection<String> keys) {
        Set<String> missing = keys.stream().filter(k -> !texts(REQUIRED_LANGUAGE).hasMessage(k))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new QuestionnaireException(List.of(new QuestionnaireException.Problem(
                    "report/" + REQUIRED_LANGUAGE + ".yaml", "messages",
                    "missing messages reports need: " + String.join(", ", missing))));
        }
    }
}
