package org.gawahi.bot.telegram.emulator;

import java.util.List;
import java.util.Optional;

/** The webhook as set with setWebhook; {@code toString()} never shows the secret token. */
public record Webhook(String url, Optional<String> secretToken, List<String> allowedUpdates, int maxConnections) {
    public Webhook {
        allowedUpdates = List.copyOf(allowedUpdates);
    }

    @Override
    public String toString() {
        return "Webhook[url=" + url + ", secretToken=" + secretToken.map(secret -> "[REDACTED]").orElse("none")
                + ", allowedUpdates=" + allowedUpdates + ", maxConnections=" + maxConnections + "]";
    }
}
