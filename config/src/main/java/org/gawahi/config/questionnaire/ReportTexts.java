package org.gawahi.config.questionnaire;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The words of a report in one language ({@code report/<lang>.yaml}): a label for each
 * indicator, what its denominator counts, what each safeguard requires, and the report's
 * own messages. The validator has checked it is complete, so a missing word is a bug.
 */
public final class ReportTexts {
    /** The words of one indicator. */
    public record IndicatorText(String label, Optional<String> denominator) {
        public IndicatorText {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(denominator, "denominator");
        }
    }

    private final String language;
    private final Map<String, IndicatorText> indicators;
    private final Map<String, String> safeguards;
    private final Map<String, String> messages;

    public ReportTexts(String language, Map<String, IndicatorText> indicators, Map<String, String> safeguards,
                       Map<String, String> messages) {
        this.language = Objects.requireNonNull(language, "language");
        this.indicators = Map.copyOf(indicators);
        this.safeguards = Map.copyOf(safeguards);
        this.messages = Map.copyOf(messages);
    }

    public String language() {
        return language;
    }

    public String label(String indicatorId) {
        return indicator(indicatorId).label();
    }

    /** What the denominator of a share counts ("raids whose time was given"). */
    public String denominatorLabel(String indicatorId) {
        return indicator(indicatorId).denominator()
                .orElseThrow(() -> new IllegalStateException("no denominator label for " + indicatorId + " in " + language));
    }

    /** What a safeguard requires, in plain words. */
    public String safeguard(String safeguardId) {
        String text = safeguards.get(safeguardId);
        if (text == null) {
            throw new IllegalStateException("no words for safeguard " + safeguardId + " in " + language);
        }
        return text;
    }

    public boolean hasMessage(String key) {
        return messages.containsKey(key);
    }

    /** A message with its {placeholders} filled in. */
    public String message(String key, Map<String, String> params) {
        String text = messages.get(key);
        if (text == null) {
            throw new IllegalStateException("no report message '" + key + "' in language " + language);
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            text = text.replace("{" + p.getKey() + "}", p.getValue());
        }
        return text;
    }

    public String message(String key) {
        return message(key, Map.of());
    }

    Map<String, IndicatorText> indicators() {
        return indicators;
    }

    Map<String, String> safeguards() {
        return safeguards;
    }

    Map<String, String> messages() {
        return messages;
    }

    private IndicatorText indicator(String id) {
        IndicatorText t = indicators.get(id);
        if (t == null) {
            throw new IllegalStateException("no words for indicator " + id + " in " + language);
        }
        return t;
    }
}
