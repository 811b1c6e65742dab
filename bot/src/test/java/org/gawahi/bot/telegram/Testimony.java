package org.gawahi.bot.telegram;

import java.util.List;

import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;

/** Walks a person through the whole raid questionnaire by pressing buttons, typing where asked. */
final class Testimony {
    private static final int MAX_STEPS = 300;

    private Testimony() {
    }

    /** From the first /start to the receipt screen, in English; returns the receipt message. */
    static ChatMessage give(Person person, String freeText) throws InterruptedException {
        return give(person, "en", freeText);
    }

    /** From the first /start to the receipt screen, in the given language; returns the receipt message. */
    static ChatMessage give(Person person, String language, String freeText) throws InterruptedException {
        person.types("/start");
        person.presses("l:lang:" + language);
        return continueUntilReceipt(person, freeText);
    }

    static ChatMessage continueUntilReceipt(Person person, String freeText) throws InterruptedException {
        for (int step = 0; step < MAX_STEPS; step++) {
            ChatMessage screen = person.screen();
            if (!screen.protectContent()) {
                throw new AssertionError("a screen was sent without protect_content");
            }
            List<String> data = screen.buttons().stream().map(Button::callbackData).toList();
            if (data.contains(Presenter.CLEAR_DATA)) {
                return screen;
            }
            nextStep(person, screen, data, freeText);
        }
        throw new AssertionError("no receipt after " + MAX_STEPS + " steps; the chat shows " + person.chat().texts());
    }

    /** One step forward on the screen shown now. */
    static void nextStep(Person person, ChatMessage screen, List<String> data, String freeText)
            throws InterruptedException {
        if (first(data, "l:").isPresent() && first(data, "a:").isEmpty()) {
            person.presses(first(data, "l:").get());
        } else if (data.contains("r:review:submit")) {
            person.presses("r:review:submit");
        } else if (first(data, "m:").isPresent()) {
            person.presses(first(data, "m:").get().replaceAll(":[^:]*$", ":0")); // only the year
        } else if (first(data, "y:").isPresent()) {
            person.presses(first(data, "y:").get());
        } else if (first(data, "d:").isPresent()) {
            // tick-all: tick the first, then Done
            if (screen.buttons().stream().anyMatch(b -> b.callbackData().startsWith("a:") && b.label().startsWith("✓"))) {
                person.presses(first(data, "d:").get());
            } else {
                person.presses(first(data, "a:").get());
            }
        } else if (first(data, "a:").isPresent()) {
            person.presses(first(data, "a:").get());
        } else if (data.stream().anyMatch(d -> d.endsWith(":continue"))) {
            person.presses(data.stream().filter(d -> d.endsWith(":continue")).findFirst().get());
        } else {
            person.types(freeText); // a free-text question: only navigation buttons
        }
    }

    private static java.util.Optional<String> first(List<String> data, String prefix) {
        return data.stream().filter(d -> d.startsWith(prefix)).findFirst();
    }
}
