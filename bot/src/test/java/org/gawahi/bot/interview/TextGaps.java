package org.gawahi.bot.interview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gawahi.config.questionnaire.Option;
import org.gawahi.config.questionnaire.Question;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/**
 * Finds what a person would see as a gap in one language: a blank text, a placeholder left
 * in braces (also a translated one such as {रसीद}, which the loader cannot know), an option
 * never drawn, and text left in English.
 */
final class TextGaps {
    /** Any word in braces: {receipt}, and a translator's {रसीद} as well. */
    static final Pattern UNFILLED = Pattern.compile("\\{[^{}\\s]{1,40}}");
    /** Values for every placeholder the engine fills. */
    static final Map<String, String> PLACEHOLDERS = Map.of("receipt", "1234 5678 9012 3456", "count", "1200",
            "max", "1000", "year", "2025", "n", "3", "total", "30");
    /** Messages that may read the same in every language. */
    static final Set<String> NEUTRAL_MESSAGES = Set.of("selected_mark", "quick_exit");
    /** Labels of only digits, signs and spaces ("1", "2") need no translation. */
    private static final Pattern NEUTRAL_LABEL = Pattern.compile("[\\p{N}\\p{P}\\p{S}\\s]+");

    private final Questionnaire questionnaire;
    private final ScreenCatalogue catalogue;

    TextGaps(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.catalogue = new ScreenCatalogue(questionnaire);
    }

    /** Blank or unfilled text on any screen of the language, options never drawn, blank messages. */
    List<String> onScreens(String language) {
        List<String> gaps = new ArrayList<>();
        Texts t = questionnaire.texts(language);
        for (ScreenCatalogue.Entry e : catalogue.everyScreen(language)) {
            if (e.screen().text().isBlank()) {
                gaps.add(e.name() + ": blank text");
            }
            if (UNFILLED.matcher(e.screen().text()).find()) {
                gaps.add(e.name() + ": unfilled placeholder in " + e.screen().text());
            }
            for (Screen.Button b : e.screen().buttons()) {
                if (b.label().isBlank() || UNFILLED.matcher(b.label()).find()) {
                    gaps.add(e.name() + ": button " + b.id() + " is labelled '" + b.label() + "'");
                }
            }
        }
        for (Question q : questionnaire.questions()) {
            Set<String> drawn = new HashSet<>();
            List<ScreenCatalogue.Entry> screens = catalogue.questionScreens(q, language);
            screens.forEach(e -> e.screen().buttons().forEach(b -> drawn.add(b.id())));
            if (screens.stream().noneMatch(e -> e.screen().text().contains(t.questionText(q.id())))) {
                gaps.add(q.id() + ": its text is on none of its screens");
            }
            for (Option o : q.options()) {
                if (!drawn.contains("a:" + q.id() + ":" + o.id())) {
                    gaps.add(q.id() + "." + o.id() + ": never drawn");
                }
            }
        }
        for (String key : messageKeys()) {
            String text = t.message(key, PLACEHOLDERS);
            if (text.isBlank() || UNFILLED.matcher(text).find()) {
                gaps.add("messages." + key + ": '" + text + "'");
            }
        }
        return gaps;
    }

    /** Words of a language that are still the English ones. */
    List<String> untranslated(String language) {
        Texts t = questionnaire.texts(language);
        Texts en = questionnaire.texts("en");
        List<String> same = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            check(same, "questions." + q.id() + ".text", t.questionText(q.id()), en.questionText(q.id()));
            check(same, "questions." + q.id() + ".short", t.shortLabel(q.id()), en.shortLabel(q.id()));
            for (Option o : q.options()) {
                check(same, "questions." + q.id() + ".options." + o.id(), t.optionLabel(q.id(), o.id()),
                        en.optionLabel(q.id(), o.id()));
            }
        }
        questionnaire.sections().forEach(s -> check(same, "sections." + s.id(), t.sectionTitle(s.id()),
                en.sectionTitle(s.id())));
        for (String key : messageKeys()) {
            if (!NEUTRAL_MESSAGES.contains(key)) {
                check(same, "messages." + key, t.message(key), en.message(key));
            }
        }
        return same;
    }

    private static void check(List<String> same, String path, String text, String english) {
        if (text.strip().equals(english.strip()) && !NEUTRAL_LABEL.matcher(text).matches()) {
            same.add(path + ": '" + text + "'");
        }
    }

    /** The engine's messages and those the questionnaire's options name. */
    Set<String> messageKeys() {
        Set<String> keys = new java.util.TreeSet<>(EngineMessages.REQUIRED);
        questionnaire.questions().forEach(q -> q.options().forEach(o -> o.message().ifPresent(keys::add)));
        return keys;
    }
}
