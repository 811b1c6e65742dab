package org.gawahi.bot.interview;

import java.util.Objects;

/** What a person did, as any channel reports it (Telegram, the terminal). */
public sealed interface Input {

    /** The first contact or {@code /start}. */
    record Start() implements Input {
    }

    /** A button press with its opaque id (Telegram callback data). */
    record Press(String buttonId) implements Input {
        public Press {
            Objects.requireNonNull(buttonId, "buttonId");
        }
    }

    /** Typed text. Never log it. */
    record Text(String text) implements Input {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Text[" + text.length() + " chars]";
        }
    }

    /** A slash command, without the slash, lower case; the argument may be empty. */
    record Command(String name, String argument) implements Input {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argument, "argument");
        }

        @Override
        public String toString() {
            return "Command[" + name + "]";
        }
    }

    /** Something the engine cannot take: a sticker, photo, voice note, location, contact. */
    record Unsupported(String kind) implements Input {
    }

    /** Reads a line typed by a person: a command when it starts with a slash, else text. */
    public static Input parse(String typed) {
        String t = typed.strip();
        if (t.startsWith("/") && t.length() > 1) {
            int space = t.indexOf(' ');
            String name = (space < 0 ? t.substring(1) : t.substring(1, space));
            int at = name.indexOf('@'); // "/start@GawahiBot" in Telegram
            if (at >= 0) {
                name = name.substring(0, at);
            }
            return new Command(name.toLowerCase(java.util.Locale.ROOT), space < 0 ? "" : t.substring(space + 1).strip());
        }
        return new Text(typed);
    }
}
