package org.gawahi.bot.wiring;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.gawahi.bot.telegram.TelegramSettings;
import org.gawahi.config.secret.Secret;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bot as `gawahi run` starts it in webhook mode, in a process of its own, so that
 * {@link WebhookFloodTest} measures the bot's memory and nothing of its own. Arguments: the
 * emulator's URL, the data directory, the questionnaire folder, the token, the secret. Prints
 * {@code PORT n} once listening; stops when its standard input closes.
 */
public final class WebhookFloodTarget {
    private WebhookFloodTarget() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = GawahiApplication.start(RunSettings.of(
                TelegramSettings.webhook(Secret.of(args[3]), URI.create(args[0]),
                        URI.create("https://gawahi.example/telegram/webhook"), Secret.of(args[4])),
                Path.of(args[1]), Optional.of(Path.of(args[2]))), "--server.port=0");
        System.out.println("PORT " + app.getEnvironment().getProperty("local.server.port"));
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the test to close our input
        }
        app.close();
        System.exit(0);
    }
}
