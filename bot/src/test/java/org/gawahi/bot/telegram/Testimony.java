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

    /**
     * From the first /start to the review screen (not sent), choosing an answer of {@code prefer}
     * (button data) once, wherever one is on screen.
     */
    static void upToTheReview(Person person, String freeText, java.util.Set<String> prefer) throws InterruptedException {
        person.types("/start");
        person.presses("l:lang:en");
        java.util.Set<String> pressed = new java.util.HashSet<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            ChatMessage screen = person.screen();
            List<String> data = screen.buttons().stream().map(Button::callbackData).toList();
            if (data.contains("r:review:submit")) {
                return;
            }
            java.util.Optional<String> preferred = data.stream().filter(prefer::contains).filter(pressed::add).findFirst();
            if (preferred.isPresent()) {
                person.presses(preferred.get()); // once: pressed again, a tick-all answer would be untaken
            } else {
                nextStep(person, screen, data, freeText);
            }
        }
        throw new AssertionError("no review screen after " + MAX_STEPS + " steps; the screen: " + person.screen().text()
                + " " + person.data());
    }

    /** The data of every answer button that makes a testimony urgent. */
    static java.util.Set<String> urgentAnswers(org.gawahi.config.questionnaire.Questionnaire questionnaire) {
        java.util.Set<String> urgent = new java.util.HashSet<>();
        for (var question : questionnaire.questions()) {
            question.options().stream().filter(org.gawahi.config.questionnaire.Option::urgent)
                    .forEach(o -> urgent.add("a:" + question.id() + ":" + o.id()));
        }
        return urgent;
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
