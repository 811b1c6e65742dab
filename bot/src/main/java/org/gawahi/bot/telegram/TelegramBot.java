package org.gawahi.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gawahi.bot.interview.Desk;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.config.questionnaire.Texts;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.outbox.SealedOutbox;
import org.gawahi.storage.units.UnitOfWork;
import org.gawahi.storage.updates.UpdateOffsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram adapter, assembled: the client, the paced sender, the mapper and the
 * exactly-once applier, fed by our own long poll or by the webhook. Plain Java: the wiring
 * builds one and calls {@link #start()} and {@link #close()}.
 *
 * <pre>
 * BotApi (OkHttp client) ─ ReliableCalls (buckets, retries) ─ Presenter ─ Sender (lanes)
 * UpdateMapper ─ UpdateProcessor (engine) ─ ParallelChats ─ UpdateApplier (UnitOfWork, UpdateOffsets) ─┬ PollingLoop
 *                                                                                                   └ WebhookHandler
 * </pre>
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    static final int SEND_WORKERS = 4;
    /** Threads for the engine's work on different chats of one batch. */
    static final int ENGINE_WORKERS = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));

    private final TelegramSettings settings;
    private final BotApi api;
    private final Sender sender;
    private final ParallelChats chats;
    private final UpdateApplier applier;
    private final PollingLoop loop;
    private final WebhookHandler webhook;
    private final CommandMenu menu;
    /** The menu button's label for the sealed form; the message {@value #FORM_MENU}. */
    private final Optional<String> formMenuLabel;
    static final String FORM_MENU = "form_menu";
    private final BotStatus status;
    private final Sleeper sleeper;
    private final ChatOutbox outbox;
    /** Sets the menus beside the first poll, which need not wait for them. */
    private final ExecutorService setup = Executors.newSingleThreadExecutor(Sender.named("gawahi-setup"));

    public TelegramBot(TelegramSettings settings, Desk desk, Questionnaire questionnaire, UnitOfWork units,
                       UpdateOffsets offsets, Clock clock, SendLimits limits, Sleeper sleeper) {
        this(settings, new ClientBotApi(settings.token(), settings.apiUrl(), CALL_TIMEOUT), desk, questionnaire,
                units, offsets, clock, limits, sleeper, PollingLoop.POLL_TIMEOUT_SECONDS);
    }

    /**
     * A bot whose committed replies survive a crash: what each still owes a chat is sealed into
     * {@code outbox} with its update, and carried out at the next start when {@code opener} is
     * present (unlocked); intake-only, entries wait for an unlocked start or expire after 48 hours.
     */
    public TelegramBot(TelegramSettings settings, Desk desk, Questionnaire questionnaire, UnitOfWork units,
                       UpdateOffsets offsets, Clock clock, SendLimits limits, Sleeper sleeper, SealedOutbox outbox,
                       Optional<Opener> opener) {
        this(settings, new ClientBotApi(settings.token(), settings.apiUrl(), CALL_TIMEOUT), desk, questionnaire,
                units, offsets, clock, limits, sleeper, PollingLoop.POLL_TIMEOUT_SECONDS,
                ChatOutbox.sealed(outbox, opener, clock));
    }

    TelegramBot(TelegramSettings settings, BotApi api, Desk desk, Questionnaire questionnaire, UnitOfWork units,
                UpdateOffsets offsets, Clock clock, SendLimits limits, Sleeper sleeper, int pollTimeoutSeconds) {
        this(settings, api, desk, questionnaire, units, offsets, clock, limits, sleeper, pollTimeoutSeconds,
                ChatOutbox.none(clock));
    }

    TelegramBot(TelegramSettings settings, BotApi api, Desk desk, Questionnaire questionnaire, UnitOfWork units,
                UpdateOffsets offsets, Clock clock, SendLimits limits, Sleeper sleeper, int pollTimeoutSeconds,
                ChatOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.api = Objects.requireNonNull(api, "api");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.status = new BotStatus(clock, settings.mode());
        ReliableCalls calls = new ReliableCalls(api, limits, clock, sleeper);
        this.sender = new Sender(calls, new Presenter(calls), clock, SEND_WORKERS);
        UpdateProcessor processor = new UpdateProcessor(new UpdateMapper(), desk, questionnaire);
        this.chats = new ParallelChats(ENGINE_WORKERS);
        this.applier = new UpdateApplier(units, offsets, processor, sender, status, chats, outbox);
        this.loop = new PollingLoop(api, applier, status, sleeper, pollTimeoutSeconds);
        this.webhook = new WebhookHandler(
                settings.mode() == TelegramMode.WEBHOOK ? settings.webhookSecret() : java.util.Optional.empty(),
                applier);
        this.menu = new CommandMenu(questionnaire);
        Texts defaults = questionnaire.texts(questionnaire.defaultLanguage());
        this.formMenuLabel = defaults.hasMessage(FORM_MENU) ? Optional.of(defaults.message(FORM_MENU)) : Optional.empty();
    }

    /** Polling: removes any webhook and polls, setting the menus meanwhile. Webhook: sets the menus and the webhook. */
    public void start() {
        status.running(true);
        int owed = outbox.replay(sender);
        if (owed > 0) {
            log.info("carrying out {} replies owed from before the restart", owed);
        }
        if (settings.mode() == TelegramMode.POLLING) {
            loop.start(() -> tryTwice("deleteWebhook", api::deleteWebhook));
            setup.execute(this::setMenus);
            log.info("polling Telegram for updates");
        } else {
            setMenus();
            String url = settings.webhookUrl().orElseThrow().toString();
            boolean set = tryTwice("setWebhook", () -> api.setWebhook(url, settings.webhookSecret().orElseThrow()));
            status.receiving(set);
            log.info("webhook mode: Telegram posts updates to the configured URL{}", set ? "" : " (not set yet)");
        }
    }

    public BotStatus status() {
        return status;
    }

    /** The webhook endpoint's logic; answers 404 in polling mode. */
    public WebhookHandler webhook() {
        return webhook;
    }

    private void setMenus() {
        for (Map.Entry<String, List<BotApi.MenuCommand>> menu : menu.menus().entrySet()) {
            tryTwice("setMyCommands", () -> api.setMyCommands(menu.getValue(), menu.getKey()));
        }
        // One menu button for every private chat, so in the default language's words.
        settings.formUrl().ifPresent(url -> formMenuLabel.ifPresent(label ->
                tryTwice("setChatMenuButton", () -> api.setChatMenuButton(label, url.toString()))));
    }

    @FunctionalInterface
    private interface SetupCall {
        void run() throws ApiException;
    }

    private boolean tryTwice(String what, SetupCall call) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                call.run();
                return true;
            } catch (ApiException e) {
                if (attempt == 2 || e.kind() == ApiException.Kind.REJECTED) {
                    log.warn("{} failed ({} {})", what, e.kind(), e.errorCode());
                    return false;
                }
                try {
                    sleeper.sleep(e.kind() == ApiException.Kind.RETRY_AFTER ? e.retryAfter() : Duration.ofSeconds(1));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Sends a text to a chat outside any update, now (through the paced, retried sender): a
     * moderator's one message back, written in the review app. Not kept in the outbox: lost by
     * a crash before it goes out, and never sent twice.
     */
    public void notice(ChatRef chat, String text) {
        sender.submit(TelegramChats.id(chat), new ChatAction.Notice(text, List.of()));
    }

    /** Waits until every reply queued so far went out (for tests and an orderly stop). */
    public boolean awaitReplies(Duration timeout) throws InterruptedException {
        return sender.awaitIdle(timeout);
    }

    /** Stops polling, lets queued replies go out briefly, and ends every thread and connection. */
    @Override
    public void close() {
        status.running(false);
        setup.shutdownNow();
        loop.close();
        chats.close();
        sender.close();
        outbox.close();
        api.close();
    }
}
