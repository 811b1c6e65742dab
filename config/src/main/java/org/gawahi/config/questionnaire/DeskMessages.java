package org.gawahi.config.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The desks' words in every shipped language ({@code desk/<lang>.yaml} on the class path),
 * picked by a moderator's Telegram language code, English when hers is not shipped. Not part
 * of a questionnaire: a collective's own questionnaire folder changes what respondents are
 * asked, not the words of review. Loading refuses a file with a key missing, a key English
 * does not have (a typo), a changed placeholder or an empty text, naming each, as the
 * questionnaire loader does.
 */
public final class DeskMessages {
    /** English is the reference every other file is compared with, and the fallback. */
    public static final String REFERENCE = "en";
    /** The languages shipped, each a {@code desk/<lang>.yaml}; English first. */
    public static final List<String> SHIPPED = List.of("en", "hi", "mr", "kn", "te", "bn", "ne");
    static final String FOLDER = "desk/";
    private static final Set<String> FIELDS = Set.of("language", "messages");

    private final Map<String, DeskTexts> texts;

    private DeskMessages(Map<String, DeskTexts> texts) {
        this.texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** The shipped files, read and checked once. */
    public static DeskMessages shipped() {
        return Shipped.MESSAGES;
    }

    /** Reads {@code desk/<lang>.yaml} of each language (and English) from {@code source}; every problem in one exception. */
    public static DeskMessages load(QuestionnaireLoader.Source source, List<String> languages) {
        Problems problems = new Problems();
        Map<String, DeskTexts> texts = new LinkedHashMap<>();
        List<String> all = new java.util.ArrayList<>(List.of(REFERENCE));
        languages.stream().filter(l -> !l.equals(REFERENCE)).forEach(all::add);
        for (String language : all) {
            String file = file(language);
            Optional<String> content = source.read(file);
            if (content.isEmpty()) {
                problems.add(file, "", "file not found: the desk's words are shipped in language '" + language + "'");
                continue;
            }
            YamlNode root = YamlNode.parse(file, content.get(), problems);
            root.allowOnly(FIELDS);
            String said = root.optString("language").orElse(language);
            if (!said.equals(language)) {
                root.child("language").ifPresent(n -> n.problem("says '" + said + "' but the file is for '" + language + "'"));
            }
            if (!root.has("messages")) {
                problems.add(file, "messages", "missing");
            }
            texts.put(language, new DeskTexts(language, root.stringMap("messages")));
        }
        DeskTexts reference = texts.get(REFERENCE);
        if (reference != null) {
            for (DeskTexts t : texts.values()) {
                if (t != reference) {
                    TranslatedMessages.compare(problems, file(t.language()), t.messages(), file(REFERENCE), reference.messages());
                }
            }
        }
        problems.throwIfAny();
        return new DeskMessages(texts);
    }

    static String file(String language) {
        return FOLDER + language + ".yaml";
    }

    public List<String> languages() {
        return List.copyOf(texts.keySet());
    }

    public DeskTexts english() {
        return texts.get(REFERENCE);
    }

    /**
     * The words for a Telegram language code ("mr", "hi-IN", "pt_BR"): its primary subtag's
     * when shipped, English otherwise (also for no code at all).
     */
    public DeskTexts forLanguageCode(String languageCode) {
        if (languageCode == null) {
            return english();
        }
        String code = languageCode.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < code.length() && code.charAt(end) != '-' && code.charAt(end) != '_') {
            end++;
        }
        return texts.getOrDefault(code.substring(0, end), english());
    }

    private static final class Shipped {
        static final DeskMessages MESSAGES = load(QuestionnaireLoader.classpath(""), SHIPPED);
    }
}
