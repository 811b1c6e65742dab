package org.gawahi.bot.wiring;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.gawahi.config.settings.KeyFingerprint;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gawahi.bot.telegram.TelegramMode;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The running bot as a Spring Boot application: the object graph of {@link BotConfiguration}
 * and, in webhook mode or when health was asked for, the web server (webhook endpoint and
 * health on loopback). Started by {@code gawahi run} with settings the CLI has already read
 * and checked; they enter the context as one bean.
 */
@SpringBootApplication
public class GawahiApplication {
    private static final Logger log = LoggerFactory.getLogger(GawahiApplication.class);
    static final String SETTINGS_BEAN = "runSettings";
    static final String HEALTH_PATH = "/actuator/health";

    /** Starts the application and returns its running context. */
    public static ConfigurableApplicationContext start(RunSettings settings, String... args) {
        boolean web = settings.servesThePublic() || settings.healthPort().isPresent();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GawahiApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton(SETTINGS_BEAN, settings);
                    ctx.getEnvironment().getPropertySources().addFirst(
                            new MapPropertySource("GAWAHI_HEALTH_PORT", healthProperties(settings)));
                    if (web) {
                        requireFreePort(ctx.getEnvironment());
                    }
                })
                .run(args);
        log.info("running in {} mode, {}, sealing to the collective key {} ({})",
                settings.telegram().mode().name().toLowerCase(java.util.Locale.ROOT),
                context.getBean(KeyAccess.class).state(),
                Keys.fingerprintOf(context.getBean(Sealer.class)).map(KeyFingerprint::grouped).orElse("?"),
                settings.keyFingerprint().isPresent() ? "pinned by GAWAHI_KEY_FINGERPRINT"
                        : "not pinned: compare it with yours and set GAWAHI_KEY_FINGERPRINT to it");
        return context;
    }

    /**
     * Starts the application, tells {@code started} where health listens (empty: nowhere), and
     * returns only once it has been stopped (SIGTERM, Ctrl-C).
     */
    public static int runUntilStopped(RunSettings settings, Consumer<Optional<URI>> started, String... args)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext context = start(settings, args);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        started.accept(healthUrl(context));
        if (!context.isActive()) {
            return 0;
        }
        stopped.await();
        return 0;
    }

    /**
     * Where health listens. Polling without the form: the whole web server is health, on
     * {@code GAWAHI_HEALTH_PORT}. Webhook or the form: the port a reverse proxy forwards to serves
     * the webhook and the form only;
     * health, which says whether the keys are unlocked and when someone last used the bot, gets a
     * port of its own on loopback, or none: a proxy that forwards more than the webhook path must
     * not let a stranger learn what the chat takes care to hide.
     */
    static Map<String, Object> healthProperties(RunSettings settings) {
        if (!settings.servesThePublic()) {
            return settings.healthPort().<Map<String, Object>>map(port -> Map.of("server.port", port)).orElse(Map.of());
        }
        return settings.healthPort().<Map<String, Object>>map(port -> Map.of(
                        "management.server.port", port, "management.server.address", "127.0.0.1"))
                .orElse(Map.of("management.server.port", -1));
    }

    /** Where health answers, if anywhere. */
    public static Optional<URI> healthUrl(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String port = environment.getProperty("local.management.port");
        String address = environment.getProperty("management.server.address");
        if (port == null && environment.getProperty("management.server.port") == null) {
            port = environment.getProperty("local.server.port");
            address = environment.getProperty("server.address");
        }
        String host = address == null ? "127.0.0.1" : address;
        return Optional.ofNullable(port).map(p -> URI.create("http://" + host + ":" + p + HEALTH_PATH));
    }

    /**
     * Binds and releases the web server's address before any bean exists, so that a port in
     * use stops the start with one sentence and nothing created (Tomcat would find out only
     * after the database was opened).
     */
    private static void requireFreePort(ConfigurableEnvironment environment) {
        String address = environment.getProperty("server.address", "127.0.0.1");
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new StartFailure("Port " + port + " on " + address + " is already in use by another program, so "
                    + "the web server cannot listen there. Stop that program, or choose another port ("
                    + "GAWAHI_HEALTH_PORT for health in polling mode, SERVER_PORT in webhook mode or with the form); "
                    + "nothing was changed.",
                    e);
        }
    }
}
