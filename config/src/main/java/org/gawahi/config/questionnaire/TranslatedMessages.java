package org.gawahi.config.questionnaire;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares one language's messages with the reference language's: nothing missing, nothing
 * unknown (a typo), the same {placeholders}. Shared by the questionnaire's and the reports'
 * text files, which follow the same rule.
 */
final class TranslatedMessages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private TranslatedMessages() {
    }

    static void compare(Problems problems, String file, Map<String, String> messages,
                        String referenceFile, Map<String, String> reference) {
        for (Map.Entry<String, String> m : reference.entrySet()) {
            String translated = messages.get(m.getKey());
            if (translated == null) {
                problems.add(file, "messages." + m.getKey(), "missing translation");
            } else if (!placeholders(translated).equals(placeholders(m.getValue()))) {
                problems.add(file, "messages." + m.getKey(), "placeholders " + placeholders(translated)
                        + " differ from " + referenceFile + "'s " + placeholders(m.getValue()));
            }
        }
        for (String key : messages.keySet()) {
            if (!reference.containsKey(key)) {
                problems.add(file, "messages." + key, "not in " + referenceFile + " (a typo?)");
            }
        }
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
