package org.gawahi.bot.telegram;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gawahi.config.secret.Secret;

/**
 * How to reach Telegram. Secrets are {@link Secret}s, so this record prints none of them.
 *
 * @param apiUrl        the Bot API server, {@code https://api.telegram.org} unless a local one is used
 * @param webhookUrl    the public HTTPS address Telegram posts to (webhook mode only)
 * @param webhookSecret the value Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param formUrl       the sealed form's page (https), which the chat's menu button opens; empty: no form
 */
public record TelegramSettings(Secret token, URI apiUrl, TelegramMode mode, Optional<URI> webhookUrl,
                               Optional<Secret> webhookSecret, Optional<URI> formUrl) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");
    /** What Telegram accepts as a webhook secret. */
    public static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(formUrl, "formUrl");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the bot token is empty");
        }
        if (mode == TelegramMode.WEBHOOK && (webhookUrl.isEmpty() || webhookSecret.isEmpty())) {
            throw new IllegalArgumentException("webhook mode needs a webhook URL and a secret");
        }
        webhookSecret.ifPresent(s -> {
            if (!WEBHOOK_SECRET.matcher(s.reveal()).matches()) {
                throw new IllegalArgumentException("a webhook secret has 1 to 256 characters of A-Z a-z 0-9 _ -");
            }
        });
    }

    public static TelegramSettings polling(Secret token, URI apiUrl) {
        return new TelegramSettings(token, apiUrl, TelegramMode.POLLING, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The same, with the sealed form's page for the menu button. */
    public TelegramSettings withForm(URI url) {
        return new TelegramSettings(token, apiUrl, mode, webhookUrl, webhookSecret, Optional.of(url));
    }

    public static TelegramSettings webhook(Secret token, URI apiUrl, URI webhookUrl, Secret webhookSecret) {
        return new TelegramSettings(token, apiUrl, TelegramMode.WEBHOOK, Optional.of(webhookUrl),
                Optional.of(webhookSecret), Optional.empty());
    }
}
