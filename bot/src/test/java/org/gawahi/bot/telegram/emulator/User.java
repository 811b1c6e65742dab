package org.gawahi.bot.telegram.emulator;

import java.util.Objects;

/**
 * A person the emulator acts as. {@code username} and {@code languageCode} may be null, as in
 * Telegram. Her private chat with the bot has her user id as chat id.
 */
public record User(long id, String firstName, String username, String languageCode) {
    public User {
        Objects.requireNonNull(firstName, "firstName");
        if (id <= 0) {
            throw new IllegalArgumentException("user ids are positive");
        }
    }

    public long chatId() {
        return id;
    }
}
