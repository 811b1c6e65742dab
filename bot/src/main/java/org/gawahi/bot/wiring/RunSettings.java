package org.gawahi.bot.wiring;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.gawahi.bot.telegram.TelegramSettings;

/**
 * Everything {@code gawahi run} was told, read and checked before Spring starts (by the CLI,
 * from the environment). Holds secrets only as redacting types.
 *
 * @param questionnaireFolder an edited questionnaire; the shipped raid questionnaire when empty
 */
public record RunSettings(TelegramSettings telegram, Path dataDirectory, Optional<Path> questionnaireFolder) {
    public RunSettings {
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(questionnaireFolder, "questionnaireFolder");
    }
}
