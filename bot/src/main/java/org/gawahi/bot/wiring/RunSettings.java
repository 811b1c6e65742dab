package org.gawahi.bot.wiring;

import java.net.URI;
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
 * @param healthPort          polling mode: where health listens on loopback ({@code GAWAHI_HEALTH_PORT});
 *                            empty: no web server at all. Webhook mode always has its web server.
 * @param publicUrl           the public https address of this server ({@code GAWAHI_PUBLIC_URL}): the sealed form
 *                            is served at {@code /form/} and offered in the chat; empty: no form, the chat as before
 */
public record RunSettings(TelegramSettings telegram, Path dataDirectory, Optional<Path> questionnaireFolder,
                          Settings.DraftMode drafts, Duration draftTimeToLive, Optional<Secret> passphrase,
                          Optional<KeyFingerprint> keyFingerprint, Optional<Integer> healthPort,
                          Optional<URI> publicUrl) {
    public RunSettings {
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(questionnaireFolder, "questionnaireFolder");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(draftTimeToLive, "draftTimeToLive");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        Objects.requireNonNull(healthPort, "healthPort");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }

    /** Without the form. */
    public RunSettings(TelegramSettings telegram, Path dataDirectory, Optional<Path> questionnaireFolder,
                       Settings.DraftMode drafts, Duration draftTimeToLive, Optional<Secret> passphrase,
                       Optional<KeyFingerprint> keyFingerprint, Optional<Integer> healthPort) {
        this(telegram, dataDirectory, questionnaireFolder, drafts, draftTimeToLive, passphrase, keyFingerprint,
                healthPort, Optional.empty());
    }

    /** Without a health port: in polling mode, no web server. */
    public RunSettings(TelegramSettings telegram, Path dataDirectory, Optional<Path> questionnaireFolder,
                       Settings.DraftMode drafts, Duration draftTimeToLive, Optional<Secret> passphrase,
                       Optional<KeyFingerprint> keyFingerprint) {
        this(telegram, dataDirectory, questionnaireFolder, drafts, draftTimeToLive, passphrase, keyFingerprint,
                Optional.empty());
    }

    /** The same, with health on {@code port} (0: any free port). */
    public RunSettings withHealthPort(int port) {
        return new RunSettings(telegram, dataDirectory, questionnaireFolder, drafts, draftTimeToLive, passphrase,
                keyFingerprint, Optional.of(port), publicUrl);
    }

    /** The same, serving and offering the sealed form at {@code url}/form/. */
    public RunSettings withPublicUrl(URI url) {
        return new RunSettings(telegram, dataDirectory, questionnaireFolder, drafts, draftTimeToLive, passphrase,
                keyFingerprint, healthPort, Optional.of(url));
    }

    /** The sealed form's page, {@code <publicUrl>/form/}, when there is one. */
    public Optional<URI> formUrl() {
        return publicUrl.map(url -> URI.create(url + "/form/"));
    }

    /** Whether the web server faces the public (through the proxy): webhook mode, or the form. */
    public boolean servesThePublic() {
        return telegram.mode() == org.gawahi.bot.telegram.TelegramMode.WEBHOOK || publicUrl.isPresent();
    }

    /** Polling, drafts on disk for 24 h, no passphrase, no pin: what tests and a plain start use. */
    public static RunSettings of(TelegramSettings telegram, Path dataDirectory, Optional<Path> questionnaireFolder) {
        return new RunSettings(telegram, dataDirectory, questionnaireFolder, Settings.DraftMode.DISK,
                Duration.ofHours(24), Optional.empty(), Optional.empty());
    }
}
