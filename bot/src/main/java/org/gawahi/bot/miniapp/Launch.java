package org.gawahi.bot.miniapp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.storage.drafts.ChatRef;

/**
 * A Mini App launch whose {@code initData} Telegram vouched for. The user is a {@link ChatRef}
 * (her private chat with the bot has her user id as its id), which prints as {@code [chat]}:
 * a log line or exception that carries a launch carries no Telegram id.
 *
 * @param user         who opened the Mini App; never log or store the raw id
 * @param languageCode her Telegram client's language, as Telegram sent it, if it did
 * @param authDate     when Telegram signed the launch data
 * @param fingerprint  64 hex digits naming this launch whatever the order or encoding of its
 *                     fields (a hash of the signed fields): for refusing a second submission
 *                     with the same launch. Not a secret, but store only a keyed hash of it.
 */
public record Launch(ChatRef user, Optional<String> languageCode, Instant authDate, String fingerprint) {
    public Launch {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(authDate, "authDate");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
