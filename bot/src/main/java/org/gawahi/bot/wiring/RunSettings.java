package org.gawahi.bot.wiring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.settings.KeyFingerprint;
import org.gawahi.config.settings.Settings;

/**
 * Everything {@code gawahi run} was told, read and checked before Spring starts (by the CLI,
 * from the environment). Holds secrets only as redacting types.
 *
 * @param questionnaireFolder an edited questionnaire; the shipped raid questionnaire when empty
 * @param drafts              sealed on disk, or in memory only
 * @param passphrase          unlocks the keys; without it the bot runs intake-only
 * @param keyFingerprint      the pinned collective key: the bot seals to no other; empty: not pinned
 */
public record RunSettings(TelegramSettings telegram, Path dataDirectory, Optional<Path> questionnaireFolder,
                          Settings.DraftMode drafts, Duration draftTimeToLive, Optional<Secret> passphrase,
                          Optional<KeyFingerprint> keyFingerprint) {
    public RunSettings {
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(questionnaireFolder, "questionnaireFolder");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(draftTimeToLive, "draftTimeToLive");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    }

    /** Polling, drafts on disk for 24 h, no passphrase, no pin: what tests and a plain start use. */
    public static RunSettings of(TelegramSettings telegram, Path dataDirectory, Optional<Path> questionnaireFolder) {
        return new RunSettings(telegram, dataDirectory, questionnaireFolder, Settings.DraftMode.DISK,
                Duration.ofHours(24), Optional.empty(), Optional.empty());
    }
}
