package org.gawahi.bot.brief;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The words of briefs, letters and the {@code /brief} desk in one language, read from
 * {@code questionnaires/<id>/brief/<lang>.yaml}: flattened to dotted keys
 * ({@code brief.title}, {@code letter.bodies.scw.name}, {@code desk.too_few}) with
 * {@code {name}} placeholders. A language may carry desk words only (Kannada, Telugu...);
 * {@link #documents()} says whether it can write a brief.
 */
final class BriefWords {
    /** The languages a brief file may exist in, in the order the desk offers them. */
    static final List<String> SHIPPED = List.of("en", "hi", "mr", "bn", "kn", "te", "ne");
    /** The bodies a letter can go to, in the order the desk offers them. */
    static final List<String> BODIES = List.of("scw", "scpcr", "shrc", "dlsa", "cp");

    private final String language;
    private final Map<String, String> words;

    private BriefWords(String language, Map<String, String> words) {
        this.language = language;
        this.words = Map.copyOf(words);
    }

    /** The words of {@code language}, when the questionnaire has a brief file in it. */
    static Optional<BriefWords> load(String questionnaireId, String language) {
        Objects.requireNonNull(language, "language");
        if (!SHIPPED.contains(language)) {
            return Optional.empty();
        }
        String resource = "questionnaires/" + questionnaireId + "/brief/" + language + ".yaml";
        try (InputStream in = BriefWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", tree, flat);
            return Optional.of(new BriefWords(language, flat));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** English, which every questionnaire with briefs has. */
    static BriefWords english(String questionnaireId) {
        return load(questionnaireId, "en").orElseThrow(() -> new IllegalStateException(
                "the questionnaire '" + questionnaireId + "' has no brief/en.yaml"));
    }

    String language() {
        return language;
    }

    /** Whether this language has the words of the brief and the letters, not only the desk's. */
    boolean documents() {
        return words.containsKey("brief.title") && words.containsKey("letter.subject");
    }

    boolean has(String key) {
        return words.containsKey(key);
    }

    Map<String, String> all() {
        return words;
    }

    String get(String key) {
        return get(key, Map.of());
    }

    /** The text under {@code key} with each {@code {name}} filled in. */
    String get(String key, Map<String, String> params) {
        String text = words.get(key);
        if (text == null) {
            throw new IllegalArgumentException("brief/" + language + ".yaml has no '" + key + "'");
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            text = text.replace("{" + p.getKey() + "}", p.getValue());
        }
        return text;
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }
}
