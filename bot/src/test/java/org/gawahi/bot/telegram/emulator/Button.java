package org.gawahi.bot.telegram.emulator;

import java.util.Objects;

/**
 * An inline keyboard button as shown; {@code callbackData}, {@code url} or {@code webApp} (the
 * https page a web_app button opens) is "" when absent.
 */
public record Button(String label, String callbackData, String url, String webApp) {
    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(callbackData, "callbackData");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(webApp, "webApp");
    }

    public Button(String label, String callbackData, String url) {
        this(label, callbackData, url, "");
    }
}
