package org.gawahi.bot.telegram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.QuestionnaireLoader;

/**
 * The shipped raid questionnaire, limited to the languages whose text files exist on this
 * branch (translations land one by one): {@code languages:} keeps only those, and the default
 * language becomes English when its own file is not there yet.
 */
public final class AvailableLanguages {
    private static final Pattern LANGUAGES = Pattern.compile("(?m)^languages:\\s*\\[([^\\]]*)\\]");
    private static final Pattern DEFAULT = Pattern.compile("(?m)^default_language:\\s*(\\S+)");

    private AvailableLanguages() {
    }

    public static Questionnaire raid() {
        return QuestionnaireLoader.load(source());
    }

    /** Writes the limited questionnaire as a folder, for what loads one from disk ({@code gawahi run}). */
    public static Path writeTo(Path folder) throws IOException {
        QuestionnaireLoader.Source source = source();
        Questionnaire questionnaire = raid();
        Files.createDirectories(folder.resolve("text"));
        Files.writeString(folder.resolve("questionnaire.yaml"), source.read("questionnaire.yaml").orElseThrow());
        for (String language : questionnaire.languages()) {
            String name = "text/" + language + ".yaml";
            Files.writeString(folder.resolve(name), source.read(name).orElseThrow());
        }
        return folder;
    }

    private static QuestionnaireLoader.Source source() {
        QuestionnaireLoader.Source shipped = QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE);
        return name -> name.equals("questionnaire.yaml")
                ? shipped.read(name).map(structure -> limit(structure, shipped)) : shipped.read(name);
    }

    private static String limit(String structure, QuestionnaireLoader.Source shipped) {
        Matcher listed = LANGUAGES.matcher(structure);
        if (!listed.find()) {
            throw new IllegalStateException("the questionnaire lists no languages");
        }
        List<String> present = Arrays.stream(listed.group(1).split(",")).map(String::strip)
                .filter(code -> shipped.read("text/" + code + ".yaml").isPresent()).toList();
        String limited = listed.replaceFirst("languages: [" + String.join(", ", present) + "]");
        Matcher chosen = DEFAULT.matcher(limited);
        Optional<String> defaultLanguage = chosen.find() ? Optional.of(chosen.group(1)) : Optional.empty();
        if (defaultLanguage.isPresent() && !present.contains(defaultLanguage.get())) {
            limited = DEFAULT.matcher(limited).replaceFirst("default_language: " + (present.contains("en") ? "en" : present.get(0)));
        }
        return limited;
    }
}
