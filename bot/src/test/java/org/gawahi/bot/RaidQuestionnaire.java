package org.gawahi.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;
import org.yaml.snakeyaml.Yaml;

/**
 * The default raid questionnaire as the tests load it: copied from the class path into a
 * folder the test owns.
 *
 * <p>Translators write the languages in parallel, so for a while questionnaire.yaml lists
 * languages whose text files are not merged yet, and {@link QuestionnaireLoader#loadDefault()}
 * refuses the folder. Only then does the copy list just the languages whose files exist (and
 * fall back to English as the default). Once every listed file exists the copy is
 * byte for byte the default, and every test runs over every language.
 */
public final class RaidQuestionnaire {
    private static final String STRUCTURE = "questionnaire.yaml";
    private static final Pattern LANGUAGES = Pattern.compile("(?m)^languages:.*$");
    private static final Pattern DEFAULT_LANGUAGE = Pattern.compile("(?m)^default_language:\\s*(\\S+)\\s*$");
    private static final String FALLBACK = "en";

    private RaidQuestionnaire() {
    }

    /** Copies the default questionnaire into {@code folder} and loads it from there. */
    public static Questionnaire load(Path folder) {
        return QuestionnaireLoader.load(copyTo(folder));
    }

    /** Copies the default questionnaire into {@code folder}; returns the folder. */
    public static Path copyTo(Path folder) {
        List<String> available = availableLanguages();
        String structure = read(STRUCTURE).orElseThrow();
        if (!complete()) {
            structure = onlyLanguages(structure, available);
        }
        try {
            Files.createDirectories(folder.resolve("text"));
            Files.writeString(folder.resolve(STRUCTURE), structure, StandardCharsets.UTF_8);
            for (String language : available) {
                Files.writeString(folder.resolve(textFile(language)), read(textFile(language)).orElseThrow(),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the questionnaire to " + folder, e);
        }
        return folder;
    }

    /** The languages questionnaire.yaml lists, in its order. */
    public static List<String> listedLanguages() {
        Object root = new Yaml().load(read(STRUCTURE).orElseThrow(() -> new IllegalStateException(
                "no " + QuestionnaireLoader.DEFAULT_RESOURCE + STRUCTURE + " on the test class path")));
        if (root instanceof java.util.Map<?, ?> map && map.get("languages") instanceof List<?> languages) {
            return languages.stream().map(String::valueOf).toList();
        }
        throw new IllegalStateException(STRUCTURE + " has no languages list");
    }

    /** The listed languages whose text file exists, in the listed order. */
    public static List<String> availableLanguages() {
        return listedLanguages().stream().filter(l -> read(textFile(l)).isPresent()).toList();
    }

    /** Whether every listed language has its text file, so the default loads as shipped. */
    public static boolean complete() {
        return availableLanguages().equals(listedLanguages());
    }

    private static String onlyLanguages(String structure, List<String> available) {
        if (available.isEmpty()) {
            throw new IllegalStateException("no text file exists for any language the questionnaire lists");
        }
        Matcher languages = LANGUAGES.matcher(structure);
        Matcher defaultLanguage = DEFAULT_LANGUAGE.matcher(structure);
        if (!languages.find() || !defaultLanguage.find()) {
            throw new IllegalStateException(STRUCTURE + " no longer has one-line 'languages:' and 'default_language:'"
                    + " entries; update this fixture");
        }
        String chosenDefault = available.contains(defaultLanguage.group(1)) ? defaultLanguage.group(1)
                : available.contains(FALLBACK) ? FALLBACK : available.get(0);
        String rewritten = LANGUAGES.matcher(structure)
                .replaceFirst(Matcher.quoteReplacement("languages: [" + String.join(", ", available) + "]"));
        return DEFAULT_LANGUAGE.matcher(rewritten)
                .replaceFirst(Matcher.quoteReplacement("default_language: " + chosenDefault));
    }

    private static String textFile(String language) {
        return "text/" + language + ".yaml";
    }

    private static Optional<String> read(String name) {
        return QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE).read(name);
    }
}
