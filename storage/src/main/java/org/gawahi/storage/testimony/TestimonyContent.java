package org.gawahi.storage.testimony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 */
public record TestimonyContent(
        String questionnaire,
        int version,
        String language,
        Map<String, List<String>> answers,
        Map<String, String> texts) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TestimonyContent {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(language, "language");
        answers = Map.copyOf(answers);
        texts = Map.copyOf(texts);
    }

    public List<String> answer(String questionId) {
        return answers.getOrDefault(questionId, List.of());
    }

    public SecretBytes toJson() {
        try {
            return SecretBytes.adopt(JSON.writeValueAsBytes(new TreeMap<>(Map.of(
                    "questionnaire", questionnaire, "version", version, "language", language,
                    "answers", new TreeMap<>(answers), "texts", new TreeMap<>(texts)))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a testimony", e);
        }
    }

    public static TestimonyContent fromJson(SecretBytes json) {
        try {
            Wire wire = JSON.readValue(json.bytes(), Wire.class);
            return new TestimonyContent(wire.questionnaire(), wire.version(), wire.language(),
                    wire.answers() == null ? Map.of() : wire.answers(), wire.texts() == null ? Map.of() : wire.texts());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a testimony (the content could not be read)");
        }
    }

    private record Wire(String questionnaire, int version, String language,
                        Map<String, List<String>> answers, Map<String, String> texts) {
    }

    @Override
    public String toString() {
        return "TestimonyContent[" + questionnaire + " v" + version + ", " + answers.size() + " answers, content redacted]";
    }
}
