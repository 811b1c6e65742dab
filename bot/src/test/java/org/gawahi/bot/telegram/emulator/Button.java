package org.gawahi.bot.telegram.emulator;

import java.util.Objects;

/** An inline keyboard button as shown; {@code callbackData} or {@code url} is "" when absent. */
public record Button(String label, String callbackData, String url) {
    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(callbackData, "callbackData");
        Objects.requireNonNull(url, "url");
    }
}
