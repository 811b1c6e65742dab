package org.gawahi.bot.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.telegram.TelegramMode;
import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.telegram.TokenCheck;
import org.gawahi.bot.wiring.GawahiApplication;
import org.gawahi.bot.wiring.RunSettings;
import org.gawahi.bot.wiring.StartFailure;
import org.gawahi.config.questionnaire.QuestionnaireException;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.settings.Settings;
import org.gawahi.config.settings.SettingsException;
import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.db.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
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
                "  GAWAHI_PASSPHRASE        unlocks the keys (review, reports); not set: asked at a terminal,",
                "                           where Enter alone starts intake-only (as does no terminal)",
                "  GAWAHI_HEALTH_PORT       serve health on 127.0.0.1 at this port (default: none); in webhook",
                "                           mode a port of its own, never the webhook's",
                "  GAWAHI_PUBLIC_URL        the public https:// address of this server (your proxy forwards",
                "                           /form/ to 127.0.0.1:8080/form/): the sealed form is offered in the",
                "                           chat; not set: no form, the chat only",
                "  SERVER_PORT              webhook mode or form: the port of the webhook and the form (default 8080)",
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
    static final String HEALTH_PORT = "GAWAHI_HEALTH_PORT";
    static final Duration TELEGRAM_CHECK_TIMEOUT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> springArguments = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = GawahiCommand.environment(spec);
        SecureRandom random = new SecureRandom();
        RunSettings read = settings(env.variables(), random);
        Path dir = env.workingDirectory().resolve(read.dataDirectory()).normalize();
        StartChecks.dataDirectory(dir, env.err());
        KeyState keys = new Keys(dir, random, Clock.systemUTC()).state();
        StartChecks.keysReady(keys, dir);
        Optional<Secret> passphrase = read.passphrase().isPresent() ? read.passphrase() : askPassphrase(env);
        StartChecks.telegramAccepts(read.telegram(), new TokenCheck(TELEGRAM_CHECK_TIMEOUT));
        RunSettings settings = new RunSettings(read.telegram(), dir, read.questionnaireFolder(), read.drafts(),
                read.draftTimeToLive(), passphrase, read.keyFingerprint(), read.healthPort(), read.publicUrl());
        try {
            return GawahiApplication.runUntilStopped(settings,
                    health -> env.out().println(startLine(settings, keys, health)),
                    springArguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw explained(e);
        }
    }

    /** Asked at a terminal only; Enter alone, or no terminal, is intake-only (the start line says so). */
    static Optional<Secret> askPassphrase(CliEnvironment env) {
        Optional<char[]> typed = env.terminal().readPassword("Passphrase (Enter alone starts intake-only: "
                + "testimonies are taken and sealed, nobody can read them until a start with it): ");
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return typed.get().length == 0 ? Optional.empty() : Optional.of(Secret.of(new String(typed.get())));
        } finally {
            Arrays.fill(typed.get(), '\0');
        }
    }

    /** The one line saying what this run is: mode, key, transport, and where health listens if it does. */
    static String startLine(RunSettings settings, KeyState keys, Optional<URI> health) {
        return "gawahi is running " + (settings.passphrase().isPresent() ? "unlocked" : "intake-only")
                + " (" + keyLabel(keys) + "), "
                + (settings.telegram().mode() == TelegramMode.POLLING ? "polling Telegram" : "Telegram webhook")
                + settings.publicUrl().map(url -> ", the sealed form at " + url + "/form/").orElse("")
                + ", " + health.map(url -> "health at " + url).orElse("no health endpoint (" + HEALTH_PORT
                + " to have one)") + ".";
    }

    /** How the start line names the collective's active key. */
    static String keyLabel(KeyState keys) {
        return keys.collectiveKeys().stream().filter(k -> k.status() == org.gawahi.storage.crypto.KeyStatus.ACTIVE)
                .findFirst().map(k -> "collective key fingerprint " + k.fingerprint().grouped())
                .orElse("no collective key");
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
                settings.draftTimeToLive(), value(env, PASSPHRASE).map(Secret::of), settings.keyFingerprint(),
                healthPort(env), settings.publicUrl());
    }

    private static Optional<Integer> healthPort(Map<String, String> env) {
        return value(env, HEALTH_PORT).map(v -> {
            try {
                int port = Integer.parseInt(v.strip());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new UserFacingException(HEALTH_PORT + " must be a port number from 1 to 65535, not \"" + v
                    + "\"; nothing was changed.");
        });
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
            if (cause instanceof StartFailure f) {
                return new UserFacingException(f.getMessage(), f);
            }
        }
        return e;
    }
}
