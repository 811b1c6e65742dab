package org.gawahi.bot.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;

/**
 * The command menu, one per language. A description comes from the questionnaire's words: a
 * message {@code command_<name>} when the translation has one, else the command's line in its
 * {@code help} message ("/back – go back one question"). Only when neither exists does a short
 * English fallback from this class stand in; it is used for the menu only, never in the chat.
 */
final class CommandMenu {
    private static final Pattern HELP_LINE = Pattern.compile("^\\s*/([a-z_]+)(?:\\s+[^\\s–—-]+)?\\s*[–—-]\\s*(.+?)\\s*$");
    private static final int MAX_DESCRIPTION = 256;

    /** The engine's commands, with the English menu fallback. */
    static final Map<String, String> FALLBACK = fallback();

    private static Map<String, String> fallback() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("start", "Begin, or carry on");
        m.put("back", "Go back one question");
        m.put("skip", "Skip this question");
        m.put("pause", "Stop for now, come back later");
        m.put("erase", "Delete all your answers");
        m.put("exit", "Quick exit: delete everything now");
        m.put("language", "Change the language");
        m.put("status", "Check a testimony you sent");
        m.put("withdraw", "Take back a testimony you sent");
        m.put("help", "Help");
        return m;
    }

    private final Questionnaire questionnaire;

    CommandMenu(Questionnaire questionnaire) {
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
    }

    /** Menus by language code; {@code ""} is the menu for every other language (the default language's). */
    Map<String, List<BotApi.MenuCommand>> menus() {
        Map<String, List<BotApi.MenuCommand>> menus = new LinkedHashMap<>();
        menus.put("", menu(questionnaire.texts(questionnaire.defaultLanguage())));
        for (String language : questionnaire.languages()) {
            if (questionnaire.supports(language)) {
                menus.put(language, menu(questionnaire.texts(language)));
            }
        }
        return menus;
    }

    static List<BotApi.MenuCommand> menu(Texts texts) {
        Map<String, String> fromHelp = texts.hasMessage("help") ? helpLines(texts.message("help")) : Map.of();
        List<BotApi.MenuCommand> menu = new ArrayList<>();
        FALLBACK.forEach((command, english) -> {
            String description = Optional.of("command_" + command).filter(texts::hasMessage).map(texts::message)
                    .or(() -> Optional.ofNullable(fromHelp.get(command)))
                    .filter(d -> !d.isBlank())
                    .orElse(english);
            menu.add(new BotApi.MenuCommand(command, shorten(description)));
        });
        return menu;
    }

    static Map<String, String> helpLines(String help) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : help.split("\n")) {
            Matcher m = HELP_LINE.matcher(line);
            if (m.matches()) {
                lines.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return lines;
    }

    private static String shorten(String description) {
        String one = description.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_DESCRIPTION ? one : one.substring(0, MAX_DESCRIPTION);
    }
}
