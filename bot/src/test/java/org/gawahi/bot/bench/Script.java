package org.gawahi.bot.bench;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;

/** What a simulated person does on the screen she sees: one step, or she is done. */
@FunctionalInterface
public interface Script {
    /** A step: press a button's data, type a text, or finish (the value is then what she noted). */
    record Step(Kind kind, String value) {
        public enum Kind { PRESS, TYPE, FINISH }
    }

    Step next(ChatMessage screen, String freeText);

    String CLEAR_DATA = "z:clear:now";
    Pattern RECEIPT = Pattern.compile("\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}");

    static boolean isLanguageChoice(ChatMessage screen) {
        List<String> data = data(screen);
        return first(data, "l:").isPresent() && first(data, "a:").isEmpty();
    }

    /**
     * The raid questionnaire to its receipt, in English: the first option of every question,
     * the year only for dates, one tick on tick-all questions, the free text where asked.
     */
    static Script testimony() {
        return (screen, freeText) -> {
            List<String> data = data(screen);
            if (data.contains(CLEAR_DATA)) {
                Matcher m = RECEIPT.matcher(screen.text());
                return new Step(Step.Kind.FINISH, m.find() ? m.group().replaceAll("\\D", "") : "");
            }
            if (isLanguageChoice(screen)) {
                return press(data.contains("l:lang:en") ? "l:lang:en" : first(data, "l:").get());
            }
            if (data.contains("r:review:submit")) {
                return press("r:review:submit");
            }
            if (first(data, "m:").isPresent()) {
                String yearOnly = first(data, "m:").get().replaceAll(":[^:]*$", ":0");
                return press(first(data, yearOnly).orElseThrow());
            }
            if (first(data, "y:").isPresent()) {
                return press(first(data, "y:").get());
            }
            if (first(data, "d:").isPresent()) {
                boolean ticked = screen.buttons().stream()
                        .anyMatch(b -> b.callbackData().startsWith("a:") && b.label().startsWith("✓"));
                return press(first(data, ticked ? "d:" : "a:").orElseThrow());
            }
            if (first(data, "a:").isPresent()) {
                return press(first(data, "a:").get());
            }
            Optional<String> onward = data.stream().filter(d -> d.endsWith(":continue")).findFirst();
            return onward.map(Script::press).orElseGet(() -> new Step(Step.Kind.TYPE, freeText));
        };
    }

    /** The echo bot's screens: press {@code e:k} until k passes {@code presses}. */
    static Script echo(int presses) {
        return (screen, freeText) -> {
            String data = first(data(screen), "e:").orElseThrow();
            return Integer.parseInt(data.substring(2)) > presses ? new Step(Step.Kind.FINISH, "") : press(data);
        };
    }

    private static Step press(String data) {
        return new Step(Step.Kind.PRESS, data);
    }

    private static List<String> data(ChatMessage screen) {
        return screen.buttons().stream().map(Button::callbackData).toList();
    }

    private static Optional<String> first(List<String> data, String prefix) {
        return data.stream().filter(d -> d.startsWith(prefix)).findFirst();
    }
}
