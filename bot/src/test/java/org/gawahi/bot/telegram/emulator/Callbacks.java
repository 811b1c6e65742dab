package org.gawahi.bot.telegram.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Callback queries pressed by people and the bot's answers; each may be answered once. */
final class Callbacks {
    private record Pressed(String id, long userId, String data, Instant at) {
    }

    private final Map<String, Pressed> open = new LinkedHashMap<>();
    private final List<AnsweredCallback> answered = new ArrayList<>();
    private long pressedCount;

    synchronized String press(long userId, String data, Instant at) {
        String id = Long.toString(4_000_000_000_000_000L + ++pressedCount);
        open.put(id, new Pressed(id, userId, data, at));
        return id;
    }

    synchronized void answer(String id, Optional<String> text, boolean showAlert, Instant at) throws ApiError {
        Pressed pressed = open.remove(id);
        if (pressed == null) {
            throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        answered.add(new AnsweredCallback(id, pressed.userId(), pressed.data(), text, showAlert, pressed.at(), at));
    }

    synchronized List<AnsweredCallback> answered() {
        return List.copyOf(answered);
    }

    synchronized List<String> unanswered() {
        return List.copyOf(open.keySet());
    }
}
