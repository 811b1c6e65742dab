package org.gawahi.bot.interview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to show a person after one input: a text, buttons in rows, and whether the
 * conversation is over.
 *
 * @param done    the conversation ended (submitted, quick exit, ended, erased)
 * @param receipt the receipt code, grouped, on the screen that confirms a submission
 * @param ending  why it ended; channels clean the chat after a submission and a quick exit
 */
public record Screen(String text, List<List<Button>> keyboard, boolean done, Optional<String> receipt, Ending ending) {

    /**
     * One button: an opaque id for the channel to send back, and its label. With {@code webApp},
     * pressing it opens that https page inside the messenger (the sealed form) instead of sending
     * the id back.
     */
    public record Button(String id, String label, Optional<String> webApp) {
        public Button {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(webApp, "webApp");
        }

        public Button(String id, String label) {
            this(id, label, Optional.empty());
        }

        /**
         * A button that opens the page at {@code url} inside the messenger (a Mini App). Its id
         * never comes back from the channel; it tells the button apart on the screen.
         */
        public static Button webApp(String id, String label, String url) {
            return new Button(id, label, Optional.of(url));
        }
    }

    public enum Ending {
        NONE,
        SUBMITTED,
        QUICK_EXIT,
        ENDED,
        ERASED
    }

    public Screen {
        Objects.requireNonNull(text, "text");
        keyboard = keyboard.stream().map(List::copyOf).toList();
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(ending, "ending");
    }

    static Screen of(String text, List<List<Button>> keyboard) {
        return new Screen(text, keyboard, false, Optional.empty(), Ending.NONE);
    }

    static Screen ended(String text, Ending ending) {
        return new Screen(text, List.of(), true, Optional.empty(), ending);
    }

    /** All buttons, row after row. */
    public List<Button> buttons() {
        return keyboard.stream().flatMap(List::stream).toList();
    }

    /** The same screen with a line shown above it (a notice, a re-prompt). */
    Screen withNotice(String notice) {
        return new Screen(notice + "\n\n" + text, keyboard, done, receipt, ending);
    }

    @Override
    public String toString() {
        return "Screen[" + text.length() + " chars, " + buttons().size() + " buttons, done=" + done + ", " + ending + "]";
    }
}
