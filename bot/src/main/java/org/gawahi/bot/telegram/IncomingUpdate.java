package org.gawahi.bot.telegram;

import java.util.Objects;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * One update as Telegram numbered it: its id, kept as a {@code long} (the library's
 * {@code Update} holds an {@code Integer}, which ids past 2^31 would overflow), and what the
 * library could read of it, empty when it could not. An update that could not be read is
 * still acknowledged (its id committed), so that it never blocks the ones after it. Prints
 * neither its id nor its content.
 */
record IncomingUpdate(long id, Optional<Update> content) {

    IncomingUpdate {
        Objects.requireNonNull(content, "content");
    }

    static IncomingUpdate of(long id, Update content) {
        return new IncomingUpdate(id, Optional.of(content));
    }

    static IncomingUpdate unreadable(long id) {
        return new IncomingUpdate(id, Optional.empty());
    }

    @Override
    public String toString() {
        return content.isPresent() ? "IncomingUpdate" : "IncomingUpdate[unreadable]";
    }
}
