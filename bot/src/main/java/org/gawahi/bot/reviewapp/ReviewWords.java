package org.gawahi.bot.reviewapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.questionnaire.QuestionnaireLoader;

/**
 * The review page's words, from the message files {@code reviewapp/<language>.yaml} beside the
 * questionnaire (the shipped ones when the collective's folder has none): one flat mapping of
 * key to text per language. A key missing in a language falls back to English, so a page never
 * shows a key. Read once at start.
 */
final class ReviewWords {
    static final List<String> LANGUAGES = List.of("en", "hi", "mr", "kn", "te", "bn", "ne");
    static final String FALLBACK = "en";

    private final Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();

    ReviewWords(QuestionnaireLoader.Source files) {
        Objects.requireNonNull(files, "files");
        QuestionnaireLoader.Source shipped = QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE);
        for (String language : LANGUAGES) {
            read(files, language).or(() -> read(shipped, language)).ifPresent(w -> byLanguage.put(language, w));
        }
        if (!byLanguage.containsKey(FALLBACK)) {
            throw new IllegalStateException("the review page's English words (reviewapp/en.yaml) are missing");
        }
    }

    /** The language asked for if there are words for it, else the launch's Telegram language, else English. */
    String choose(Optional<String> asked, Optional<String> telegram) {
        return asked.filter(byLanguage::containsKey)
                .or(() -> telegram.map(l -> l.toLowerCase(Locale.ROOT).split("[-_]")[0]).filter(byLanguage::containsKey))
                .orElse(FALLBACK);
    }

    /** Every word of the page in {@code language}, English where the language lacks one. */
    Map<String, String> all(String language) {
        Map<String, String> words = new LinkedHashMap<>(byLanguage.get(FALLBACK));
        words.putAll(byLanguage.getOrDefault(language, Map.of()));
        return words;
    }

    String word(String language, String key) {
        return byLanguage.getOrDefault(language, Map.of()).getOrDefault(key,
                byLanguage.get(FALLBACK).getOrDefault(key, key));
    }

    private static Optional<Map<String, String>> read(QuestionnaireLoader.Source source, String language) {
        return QuestionnaireLoader.tree(source, "reviewapp/" + language + ".yaml").filter(Map.class::isInstance)
                .map(tree -> {
                    Map<String, String> words = new LinkedHashMap<>();
                    ((Map<?, ?>) tree).forEach((k, v) -> words.put(k.toString(), v.toString()));
                    return words;
                });
    }
}
