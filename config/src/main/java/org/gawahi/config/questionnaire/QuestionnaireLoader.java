package org.gawahi.config.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a questionnaire folder (see QUESTIONNAIRE.md) and refuses a broken one with every
 * problem it finds, each naming the file, the path inside it and the reason.
 */
public final class QuestionnaireLoader {
    /** The raid testimony shipped with Gawahi. */
    public static final String DEFAULT_RESOURCE = "questionnaires/raid/";
    static final String STRUCTURE = "questionnaire.yaml";

    /** Reads one file of the folder by its relative name; empty when it does not exist. */
    @FunctionalInterface
    public interface Source {
        Optional<String> read(String relativeName);
    }

    private QuestionnaireLoader() {
    }

    public static Questionnaire loadDefault() {
        return load(classpath(DEFAULT_RESOURCE));
    }

    public static Questionnaire load(Path folder) {
        return load(folder(folder));
    }

    /** The files of {@code folder}, or of the shipped raid testimony when empty. */
    public static Source source(Optional<Path> folder) {
        return folder.<Source>map(QuestionnaireLoader::folder).orElseGet(() -> classpath(DEFAULT_RESOURCE));
    }

    private static Source folder(Path folder) {
        return name -> {
            try {
                return Optional.of(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder.resolve(name), e);
            }
        };
    }

    /**
     * One file of a questionnaire as plain maps, lists and scalars, read as the loader reads it
     * ({@code "yes"} stays a string); empty when the file does not exist. For the sealed form,
     * which runs the same questionnaire in her browser. Call it on a folder {@link #load} accepted.
     */
    public static Optional<Object> tree(Source source, String relativeName) {
        return source.read(relativeName).map(YamlNode::tree);
    }

    public static Source classpath(String prefix) {
        return name -> {
            try (InputStream in = QuestionnaireLoader.class.getClassLoader().getResourceAsStream(prefix + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + prefix + name, e);
            }
        };
    }

    public static Questionnaire load(Source source) {
        Problems problems = new Problems();
        Optional<String> structureText = source.read(STRUCTURE);
        if (structureText.isEmpty()) {
            problems.add(STRUCTURE, "", "file not found");
            problems.throwIfAny();
        }
        YamlNode root = YamlNode.parse(STRUCTURE, structureText.orElseThrow(), problems);
        problems.throwIfAny();
        StructureParser.Structure structure = new StructureParser(problems).parse(root);

        Map<String, Texts> texts = new LinkedHashMap<>();
        for (String language : structure.languages()) {
            String file = "text/" + language + ".yaml";
            Optional<String> content = source.read(file);
            if (content.isEmpty()) {
                problems.add(file, "", "file not found: the questionnaire lists language '" + language + "'");
                continue;
            }
            texts.put(language, TextsParser.parse(YamlNode.parse(file, content.get(), problems), language));
        }
        new QuestionnaireValidator(problems).validate(structure, texts);
        Indicators indicators = indicators(source, structure, problems);
        problems.throwIfAny();
        return new Questionnaire(structure.id(), structure.version(), structure.languages(),
                structure.defaultLanguage(), structure.sections(), texts, indicators);
    }

    /**
     * Reads indicators.yaml when the folder has one, with report/en.yaml (required) and a
     * report/<lang>.yaml for each other language of the questionnaire that has one.
     */
    private static Indicators indicators(Source source, StructureParser.Structure structure, Problems problems) {
        Optional<String> content = source.read(IndicatorsParser.FILE);
        if (content.isEmpty()) {
            return Indicators.none();
        }
        IndicatorsParser.Parsed parsed = new IndicatorsParser(problems)
                .parse(YamlNode.parse(IndicatorsParser.FILE, content.get(), problems));
        Set<String> languages = new java.util.LinkedHashSet<>();
        languages.add(Indicators.REQUIRED_LANGUAGE);
        languages.addAll(structure.languages());
        Map<String, ReportTexts> texts = new LinkedHashMap<>();
        for (String language : languages) {
            String file = IndicatorsParser.textFile(language);
            source.read(file).ifPresent(text ->
                    texts.put(language, IndicatorsParser.texts(YamlNode.parse(file, text, problems), language)));
        }
        new IndicatorsValidator(problems, structure.sections()).validate(parsed, texts);
        return new Indicators(Optional.of(parsed.counting()), parsed.safeguards(), parsed.indicators(), texts);
    }

    /** Reads a text file into a Texts, leaving completeness checks to the validator. */
    static final class TextsParser {
        private static final Set<String> FIELDS = Set.of("language", "language_name", "messages", "questions", "sections", "form");
        private static final Set<String> QUESTION_FIELDS = Set.of("text", "short", "options");

        private TextsParser() {
        }

        static Texts parse(YamlNode root, String expectedLanguage) {
            root.allowOnly(FIELDS);
            String language = root.string("language");
            if (!language.isEmpty() && !language.equals(expectedLanguage)) {
                root.child("language").ifPresent(n -> n.problem("says '" + language + "' but the file is for '" + expectedLanguage + "'"));
            }
            String name = root.string("language_name");
            Map<String, Texts.QuestionText> questions = new LinkedHashMap<>();
            root.child("questions").ifPresent(qs -> {
                for (String qid : qs.keys()) {
                    YamlNode q = qs.child(qid).orElse(null);
                    if (q == null || !q.isMap()) {
                        qs.problem("question '" + qid + "' needs text");
                        continue;
                    }
                    q.allowOnly(QUESTION_FIELDS);
                    questions.put(qid, new Texts.QuestionText(q.string("text"), q.optString("short").filter(s -> !s.isBlank()),
                            q.stringMap("options")));
                }
            });
            return new Texts(expectedLanguage, name, root.stringMap("messages"), root.stringMap("sections"), questions);
        }
    }
}
