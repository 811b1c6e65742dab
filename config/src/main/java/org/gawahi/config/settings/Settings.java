package org.gawahi.config.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.secret.Secret;

/**
 * What an operator configures, read from the environment by {@link SettingsLoader}.
 * Secrets are {@link Secret}s, so printing the settings (or a record holding them) shows none.
 *
 * @param dataDirectory where the database and keys live ({@code GAWAHI_DATA_DIR}, default ./data)
 * @param drafts        where unfinished testimonies live between messages
 * @param draftTimeToLive how long an untouched draft is kept
 * @param questionnaire a questionnaire folder, or empty for the shipped raid testimony
 * @param keyFingerprint the collective key the bot may seal to ({@code GAWAHI_KEY_FINGERPRINT}); empty: not pinned
 * @param publicUrl     where people reach this server over HTTPS ({@code GAWAHI_PUBLIC_URL}), for the sealed
 *                      form at {@code <publicUrl>/form/}; empty: no form, the chat only
 */
public record Settings(
        Path dataDirectory,
        DraftMode drafts,
        Duration draftTimeToLive,
        Optional<Path> questionnaire,
        Telegram telegram,
        Optional<KeyFingerprint> keyFingerprint,
        Optional<URI> publicUrl) {

    /** Drafts on disk (sealed, survive a restart) or in memory (lost on restart, never on disk). */
    public enum DraftMode { DISK, MEMORY }

    /** How updates arrive. */
    public enum Mode { POLLING, WEBHOOK }

    /**
     * @param token       the bot token; empty when only the CLI is used
     * @param apiUrl      Telegram's Bot API, or a local emulator in tests
     * @param webhookUrl  the public HTTPS URL Telegram posts to, in webhook mode
     * @param webhookSecret the secret Telegram sends back in a header, in webhook mode
     * @param bindAddress where the HTTP server listens (health, webhook)
     */
    public record Telegram(Optional<Secret> token, URI apiUrl, Mode mode, Optional<URI> webhookUrl,
                           Optional<Secret> webhookSecret, String bindAddress, int port) {
        public Telegram {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(apiUrl, "apiUrl");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(webhookUrl, "webhookUrl");
            Objects.requireNonNull(webhookSecret, "webhookSecret");
            Objects.requireNonNull(bindAddress, "bindAddress");
        }
    }

    public Settings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(draftTimeToLive, "draftTimeToLive");
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }
}
