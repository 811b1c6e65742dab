package org.gawahi.config.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped raid questionnaire folder, read into memory so a test can change one file by
 * exact text replacement. A replacement whose target is not found exactly once fails at
 * once, so a negative test cannot silently test nothing.
 */
final class RaidFolder {
    static final String INDICATORS = "indicators.yaml";
    static final String REPORT_EN = "report/en.yaml";
    private static final List<String> LANGUAGES = List.of("hi", "mr", "kn", "te", "bn", "ne", "en");

    private final Map<String, String> files;

    private RaidFolder(Map<String, String> files) {
        this.files = files;
    }

    static RaidFolder shipped() {
        QuestionnaireLoader.Source resources = QuestionnaireLoader.classpath(QuestionnaireLoader.DEFAULT_RESOURCE);
        Map<String, String> files = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>(List.of("questionnaire.yaml", INDICATORS));
        LANGUAGES.forEach(l -> names.add("text/" + l + ".yaml"));
        LANGUAGES.forEach(l -> names.add("report/" + l + ".yaml"));
        for (String name : names) {
            resources.read(name).ifPresent(content -> files.put(name, content));
        }
        return new RaidFolder(files);
    }

    RaidFolder replace(String file, String target, String replacement) {
        String content = files.get(file);
        if (content == null) {
            throw new AssertionError("no file " + file);
        }
        int at = content.indexOf(target);
        if (at < 0 || content.indexOf(target, at + 1) >= 0) {
            throw new AssertionError("'" + target + "' is not found exactly once in " + file);
        }
        Map<String, String> changed = new LinkedHashMap<>(files);
        changed.put(file, content.substring(0, at) + replacement + content.substring(at + target.length()));
        return new RaidFolder(changed);
    }

    RaidFolder with(String file, String content) {
        Map<String, String> changed = new LinkedHashMap<>(files);
        changed.put(file, content);
        return new RaidFolder(changed);
    }

    String file(String name) {
        return files.get(name);
    }

    RaidFolder without(String file) {
        Map<String, String> changed = new LinkedHashMap<>(files);
        if (changed.remove(file) == null) {
            throw new AssertionError("no file " + file);
        }
        return new RaidFolder(changed);
    }

    boolean has(String file) {
        return files.containsKey(file);
    }

    Questionnaire load() {
        return QuestionnaireLoader.load(name -> Optional.ofNullable(files.get(name)));
    }

    List<QuestionnaireException.Problem> problems() {
        try {
            load();
            return List.of();
        } catch (QuestionnaireException e) {
            return e.problems();
        }
    }
}
