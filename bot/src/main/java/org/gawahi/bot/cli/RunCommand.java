package org.gawahi.bot.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.bot.wiring.GawahiApplication;
import org.gawahi.bot.wiring.RunSettings;
import org.gawahi.config.questionnaire.QuestionnaireException;
import org.gawahi.config.secret.Secret;
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
                "Spring settings may follow, e.g. --server.port=8081."})
final class RunCommand implements Callable<Integer> {
    static final String TOKEN = "GAWAHI_TELEGRAM_TOKEN";
    static final String API_URL = "GAWAHI_TELEGRAM_API_URL";
    static final String MODE = "GAWAHI_MODE";
    static final String WEBHOOK_URL = "GAWAHI_WEBHOOK_URL";
    static final String WEBHOOK_SECRET = "GAWAHI_WEBHOOK_SECRET";
    static final String DATA_DIR = "GAWAHI_DATA_DIR";
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

    /** Reads and checks the environment; every mistake is one sentence saying what to set. */
    static RunSettings settings(Map<String, String> env, SecureRandom random) {
        String token = value(env, TOKEN).orElseThrow(() -> new UserFacingException(TOKEN + " is not set. "
                + "Create a bot with @BotFather in Telegram and set its token: export " + TOKEN + "=123456:ABC..."));
        URI apiUrl = value(env, API_URL).map(text -> url(API_URL, text, false)).orElse(TelegramSettings.DEFAULT_API_URL);
        String modeName = value(env, MODE).orElse("polling").toLowerCase(Locale.ROOT);
        TelegramSettings telegram;
        switch (modeName) {
            case "polling" -> telegram = TelegramSettings.polling(Secret.of(token), apiUrl);
            case "webhook" -> {
                URI webhookUrl = url(WEBHOOK_URL, value(env, WEBHOOK_URL).orElseThrow(() -> new UserFacingException(
                        "Webhook mode needs " + WEBHOOK_URL + ": the public https:// address that Telegram posts to.")),
                        true);
                String secret = value(env, WEBHOOK_SECRET).orElseGet(() -> randomSecret(random));
                if (!TelegramSettings.WEBHOOK_SECRET.matcher(secret).matches()) {
                    throw new UserFacingException(WEBHOOK_SECRET + " must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -.");
                }
                telegram = TelegramSettings.webhook(Secret.of(token), apiUrl, webhookUrl, Secret.of(secret));
            }
            default -> throw new UserFacingException(MODE + " must be polling or webhook, not '" + modeName + "'.");
        }
        Path dataDirectory = Path.of(value(env, DATA_DIR).orElse("data"));
        Optional<Path> questionnaire = value(env, QUESTIONNAIRE).map(Path::of);
        questionnaire.filter(folder -> !Files.isDirectory(folder)).ifPresent(folder -> {
            throw new UserFacingException("The questionnaire folder " + folder + " (" + QUESTIONNAIRE
                    + ") does not exist or is not a folder.");
        });
        return new RunSettings(telegram, dataDirectory, questionnaire);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static URI url(String name, String text, boolean httpsOnly) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(name + " is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = httpsOnly ? scheme.equals("https") : scheme.equals("https") || scheme.equals("http");
        if (!allowed || uri.getHost() == null) {
            throw new UserFacingException(name + " must be an " + (httpsOnly ? "https://" : "http(s)://")
                    + " address with a host name.");
        }
        return uri;
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
    private static RuntimeException explained(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
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
