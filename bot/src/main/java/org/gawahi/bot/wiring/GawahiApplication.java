package org.gawahi.bot.wiring;

import java.util.concurrent.CountDownLatch;

import org.gawahi.config.settings.KeyFingerprint;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The running bot as a Spring Boot application: the web server (webhook endpoint and health)
 * and the object graph of {@link BotConfiguration}. Started by {@code gawahi run} with settings
 * the CLI has already read and checked; they enter the context as one bean.
 */
@SpringBootApplication
public class GawahiApplication {
    private static final Logger log = LoggerFactory.getLogger(GawahiApplication.class);
    static final String SETTINGS_BEAN = "runSettings";

    /** Starts the application and returns its running context. */
    public static ConfigurableApplicationContext start(RunSettings settings, String... args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GawahiApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton(SETTINGS_BEAN, settings))
                .run(args);
        log.info("running in {} mode, {}, sealing to the collective key {} ({}); web server on {}:{} "
                        + "(health at /actuator/health)",
                settings.telegram().mode().name().toLowerCase(java.util.Locale.ROOT),
                context.getBean(KeyAccess.class).state(),
                Keys.fingerprintOf(context.getBean(Sealer.class)).map(KeyFingerprint::grouped).orElse("?"),
                settings.keyFingerprint().isPresent() ? "pinned by GAWAHI_KEY_FINGERPRINT"
                        : "not pinned: compare it with yours and set GAWAHI_KEY_FINGERPRINT to it",
                context.getEnvironment().getProperty("server.address"),
                context.getEnvironment().getProperty("local.server.port"));
        return context;
    }

    /** Starts the application and returns only once it has been stopped (SIGTERM, Ctrl-C). */
    public static int runUntilStopped(RunSettings settings, String... args) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext context = start(settings, args);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        if (!context.isActive()) {
            return 0;
        }
        stopped.await();
        return 0;
    }
}
