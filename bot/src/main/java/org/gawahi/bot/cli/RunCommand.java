package org.gawahi.bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.wiring.GawahiApplication;
import org.gawahi.bot.wiring.RunSettings;
import org.gawahi.config.questionnaire.QuestionnaireException;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.settings.Settings;
import org.gawahi.config.settings.SettingsException;
import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.db.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the Telegram bot until stopped. Settings come from the environment:",
                "  GAWAHI_TELEGRAM_TOKEN    the bot's token from @BotFather (required)",
                "  GAWAHI_TELEGRAM_API_URL  the Bot API server (default https://api.telegram.org)",
                "  GAWAHI_MODE              polling (default) or webhook",
                "  GAWAHI_WEBHOOK_URL       webhook mode: the public https:// address Telegram posts to,",
                "                           forwarded by your proxy to 127.0.0.1:8080/telegram/webhook",
                "  GAWAHI_WEBHOOK_SECRET    webhook mode: 1-256 of A-Z a-z 0-9 _ - (default: a new random one)",
                "  GAWAHI_DATA_DIR          where the database lives (default ./data)",
                "  GAWAHI_QUESTIONNAIRE     an edited questionnaire folder (default: the raid testimony)",
                "  GAWAHI_DRAFTS            disk (default: sealed; resume after a restart with the passphrase) or memory",
                "  GAWAHI_DRAFT_TTL         how long an untouched draft is kept (default 24h)",
                "  GAWAHI_PASSPHRASE        unlocks the keys (review, reports); without it: intake-only",
                "  GAWAHI_KEY_FINGERPRINT   pins the collective key (as `gawahi keys status` prints it):",
                "                           the bot then refuses to start with any other key",
                "Spring settings may follow, e.g. --server.port=8081."})
final class RunCommand implements Callable<Integer> {
    static final String TOKEN = "GAWAHI_TELEGRAM_TOKEN";
    static final String API_URL = "GAWAHI_TELEGRAM_API_URL";
    static final String MODE = "GAWAHI_MODE";
    static final String WEBHOOK_URL = "GAWAHI_WEBHOOK_URL";
    static final String WEBHOOK_SECRET = "GAWAHI_WEBHOOK_SECRET";
    static final String DATA_DIR = "GAWAHI_DATA_DIR";
    static final String PASSPHRASE = "GAWAHI_PASSPHRASE";
    static final String QUESTIONNAIRE = "GAWAHI_QUESTIONNAIRE";

    @Unmatched
    List<String> springArguments = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RunSettings settings = settings(System.getenv(), new SecureRandom());
        prepareDataDirectory(settings.dataDirectory());
        try {
            return GawahiApplication.runUntilStopped(settings, springArguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw explained(e);
        }
    }

    /**
     * Reads and checks the environment (through the one settings loader every command shares);
     * every mistake is one sentence saying what to set.
     */
    static RunSettings settings(Map<String, String> env, SecureRandom random) {
        Settings settings;
        try {
            settings = SettingsLoader.fromEnvironment(env);
        } catch (SettingsException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        Settings.Telegram t = settings.telegram();
        Secret token = t.token().orElseThrow(() -> new UserFacingException(TOKEN + " is not set. "
                + "Create a bot with @BotFather in Telegram and set its token: export " + TOKEN + "=123456:ABC..."));
        TelegramSettings telegram = t.mode() == Settings.Mode.POLLING
                ? TelegramSettings.polling(token, t.apiUrl())
                : TelegramSettings.webhook(token, t.apiUrl(), t.webhookUrl().orElseThrow(),
                        t.webhookSecret().orElseGet(() -> Secret.of(randomSecret(random))));
        settings.questionnaire().filter(folder -> !Files.isDirectory(folder)).ifPresent(folder -> {
            throw new UserFacingException("The questionnaire folder " + folder + " (" + QUESTIONNAIRE
                    + ") does not exist or is not a folder.");
        });
        return new RunSettings(telegram, settings.dataDirectory(), settings.questionnaire(), settings.drafts(),
                settings.draftTimeToLive(), value(env, PASSPHRASE).map(Secret::of), settings.keyFingerprint());
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    /** 32 random bytes, URL-safe: Telegram will send it back; nobody needs to know it. */
    private static String randomSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void prepareDataDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UserFacingException("Cannot create the data directory " + directory + " (" + DATA_DIR
                    + "): " + e.getClass().getSimpleName() + ".");
        }
    }

    /** A failed start, said in one paragraph: the cause an operator can fix, found under Spring's wrapping. */
    static RuntimeException explained(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Optional<String> known = Failures.explain(cause);
            if (known.isPresent() && !(cause instanceof QuestionnaireException)) {
                return new UserFacingException(known.get(), cause);
            }
            if (cause instanceof QuestionnaireException q) {
                return q;
            }
            if (cause instanceof StorageException s) {
                return new UserFacingException(s.getMessage(), s);
            }
            if (cause instanceof org.gawahi.bot.cli.UserFacingException u) {
                return u;
            }
        }
        return e;
    }
}
