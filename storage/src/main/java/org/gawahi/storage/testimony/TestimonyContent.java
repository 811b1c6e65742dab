package org.gawahi.storage.testimony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.SecretBytes;

/**
 * What one testimony says: the answers the person gave, keyed by question id, and her
 * (already masked) free text. This is what gets sealed; nothing in it names a chat, a
 * person or a time finer than what the questions ask.
 *
 * @param answers option ids per question; {@code _skip} and {@code _dont_know} mark those
 *                choices; month_year answers are {@code 2026-02} or {@code 2026}
 * @param texts   free-text answers per question, identifiers already masked
 * @param redacted the questions whose free text a moderator has redacted (or cleared as it
 *                 stands): only these may ever be quoted. It is sealed with the rest, so no
 *                 clear flag on disk says which testimonies hold quotable words. Content
 *                 sealed before this field existed reads as none redacted.
 * @param urgent   flagged urgent: on arrival (an answer the questionnaire marks urgent) or by a
 *                 moderator. Sealed with the rest, so a copy of the disk does not say which
 *                 testimonies are urgent. Content sealed before this field existed reads as not.
 */
public record TestimonyContent(
        String questionnaire,
        int version,
        String language,
        Map<String, List<String>> answers,
        Map<String, String> texts,
        Set<String> redacted,
        boolean urgent) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TestimonyContent {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(language, "language");
        answers = Map.copyOf(answers);
        texts = Map.copyOf(texts);
        redacted = Set.copyOf(redacted);
        if (!texts.keySet().containsAll(redacted)) {
            throw new IllegalArgumentException("only a free-text answer can be marked redacted");
        }
    }

    public TestimonyContent(String questionnaire, int version, String language, Map<String, List<String>> answers,
                            Map<String, String> texts, Set<String> redacted) {
        this(questionnaire, version, language, answers, texts, redacted, false);
    }

    /** Content as she submitted it: nothing redacted yet. */
    public TestimonyContent(String questionnaire, int version, String language, Map<String, List<String>> answers,
                            Map<String, String> texts) {
        this(questionnaire, version, language, answers, texts, Set.of());
    }

    /** This content with the answer to {@code questionId} replaced by a moderator's redaction, and marked so. */
    public TestimonyContent withRedaction(String questionId, String text) {
        Objects.requireNonNull(text, "text");
        if (!texts.containsKey(questionId)) {
            throw new IllegalArgumentException("not a free-text answer: " + questionId);
        }
        Map<String, String> changed = new TreeMap<>(texts);
        changed.put(questionId, text);
        Set<String> marked = new TreeSet<>(redacted);
        marked.add(questionId);
        return new TestimonyContent(questionnaire, version, language, answers, changed, marked, urgent);
    }

    /** This content flagged urgent. */
    public TestimonyContent withUrgent() {
        return new TestimonyContent(questionnaire, version, language, answers, texts, redacted, true);
    }

    public List<String> answer(String questionId) {
        return answers.getOrDefault(questionId, List.of());
    }

    public SecretBytes toJson() {
        try {
            Map<String, Object> wire = new TreeMap<>(Map.of(
                    "questionnaire", questionnaire, "version", version, "language", language,
                    "answers", new TreeMap<>(answers), "texts", new TreeMap<>(texts)));
            if (!redacted.isEmpty()) { // absent rather than empty: unredacted content reads as it always did
                wire.put("redacted", new TreeSet<>(redacted));
            }
            if (urgent) { // likewise absent when not
                wire.put("urgent", true);
            }
            return SecretBytes.adopt(JSON.writeValueAsBytes(wire));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a testimony", e);
        }
    }

    public static TestimonyContent fromJson(SecretBytes json) {
        try {
            Wire wire = JSON.readValue(json.bytes(), Wire.class);
            return new TestimonyContent(wire.questionnaire(), wire.version(), wire.language(),
                    wire.answers() == null ? Map.of() : wire.answers(), wire.texts() == null ? Map.of() : wire.texts(),
                    wire.redacted() == null ? Set.of() : wire.redacted(), Boolean.TRUE.equals(wire.urgent()));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a testimony (the content could not be read)");
        }
    }

    private record Wire(String questionnaire, int version, String language,
                        Map<String, List<String>> answers, Map<String, String> texts, Set<String> redacted, Boolean urgent) {
    }

    @Override
    public String toString() {
        return "TestimonyContent[" + questionnaire + " v" + version + ", " + answers.size() + " answers, "
                + redacted.size() + " redacted by a moderator" + (urgent ? ", urgent" : "") + ", content redacted]";
    }
}
