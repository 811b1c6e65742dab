package org.gawahi.bot.telegram.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as a chat shows it now. {@code text} and {@code caption} are "" when the message
 * has none (Telegram never shows an empty text). {@code keyboard} holds the inline keyboard rows.
 */
public record ChatMessage(int id, long senderId, boolean fromBot, Kind kind, String text, String caption,
                          List<List<Button>> keyboard, boolean protectContent, Instant date, boolean edited) {

    public enum Kind { TEXT, DOCUMENT, PHOTO, STICKER, VOICE, LOCATION, CONTACT }

    public ChatMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(date, "date");
        keyboard = keyboard.stream().map(List::copyOf).toList();
    }

    public List<Button> buttons() {
        return keyboard.stream().flatMap(List::stream).toList();
    }

    public List<String> buttonLabels() {
        return buttons().stream().map(Button::label).toList();
    }

    public Optional<Button> button(String label) {
        return buttons().stream().filter(button -> button.label().equals(label)).findFirst();
    }

    ChatMessage withText(String newText, List<List<Button>> newKeyboard, boolean nowEdited) {
        return new ChatMessage(id, senderId, fromBot, kind, newText, caption, newKeyboard, protectContent, date,
                nowEdited);
    }

    ChatMessage withCaption(String newCaption, List<List<Button>> newKeyboard) {
        return new ChatMessage(id, senderId, fromBot, kind, text, newCaption, newKeyboard, protectContent, date,
                true);
    }
}
