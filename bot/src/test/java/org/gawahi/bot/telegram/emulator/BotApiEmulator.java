package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A local Telegram Bot API server for end-to-end tests: the real telegrambots client talks to it
 * over HTTP on 127.0.0.1, while tests act as people and look at what their chats show.
 * One instance per test; thread-safe; {@link #close()} stops the server and its threads.
 */
public final class BotApiEmulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Faults faults;
    private final Chats chats = new Chats();
    private final Callbacks callbacks = new Callbacks();
    private final Files files = new Files();
    private final Commands commands = new Commands();
    private final SetupMethods setup;
    private final RequestLog log = new RequestLog();
    private final AtomicReference<Optional<Webhook>> webhook = new AtomicReference<>(Optional.empty());
    private final UpdateQueue queue;
    private final UserActions people;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The JDK server writes response headers and body separately; with Nagle's algorithm on, the
     * body then waits for the client's delayed ACK, about 40 ms per call. The JDK reads this
     * property once, when its first server is made in the JVM, so it is set only if still unset.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private BotApiEmulator(Builder builder) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        faults = new Faults(builder.clock, builder.random);
        queue = new UpdateQueue(builder.firstUpdateId, faults::duplicateDelivery);
        WireJson wire = new WireJson(mapper, botId(builder.token), "gawahi_emulator_bot");
        people = new UserActions(chats, queue, callbacks, wire, builder.clock);
        ApiMethod.Table table = new ApiMethod.Table();
        new MessageMethods(chats, callbacks, wire, builder.clock).register(table);
        new FileMethods(chats, files, wire, builder.clock).register(table);
        new UpdateMethods(queue, webhook, wire, faults).register(table);
        this.setup = new SetupMethods(commands, wire);
        setup.register(table);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bot-api-emulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), builder.port), 0);
        server.createContext("/", new HttpEndpoint(builder.token, table, faults, log, mapper, builder.clock));
        server.setExecutor(executor);
        server.start();
    }

    /** An emulator on an ephemeral port with the system clock. */
    public static BotApiEmulator start(String token) throws IOException {
        return builder(token).start();
    }

    public static Builder builder(String token) {
        return new Builder(token);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}; the client appends {@code /bot<token>/<method>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public Faults faults() {
        return faults;
    }

    // People

    /** Registers (or updates) a person and her private chat. */
    public User user(long id, String firstName, String username, String languageCode) {
        return people.user(new User(id, firstName, username, languageCode));
    }

    /** She sends a text; returns its message id. "/commands" get bot_command entities. */
    public int sendText(User user, String text) {
        return people.sendText(user, text);
    }

    /** She presses a button with this data (forged data allowed); returns the callback query id. */
    public String pressButton(User user, int messageId, String callbackData) {
        return people.pressButton(user, messageId, callbackData);
    }

    /** She presses the callback button with this label on that message, which must exist. */
    public String pressButtonLabeled(User user, int messageId, String label) {
        return people.pressButtonLabeled(user, messageId, label);
    }

    public int sendSticker(User user) {
        return people.sendSticker(user);
    }

    public int sendPhoto(User user) {
        return people.sendPhoto(user);
    }

    public int sendVoice(User user) {
        return people.sendVoice(user);
    }

    public int sendLocation(User user) {
        return people.sendLocation(user);
    }

    public int sendContact(User user) {
        return people.sendContact(user);
    }

    /** She edits one of her text messages: an edited_message update. */
    public void editMessage(User user, int messageId, String newText) {
        people.editMessage(user, messageId, newText);
    }

    /** A text in a group chat (negative id); the group becomes known. Returns its message id. */
    public int groupMessage(User from, long groupChatId, String groupTitle, String text) {
        return people.groupMessage(from, groupChatId, groupTitle, text);
    }

    /**
     * Enqueues an update as given, without touching any chat. An {@code update_id} it carries must
     * be newer than every earlier one; without one it gets the next. Returns the update id.
     */
    public long sendRawUpdate(String json) {
        try {
            return people.sendRawUpdate(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** She blocks the bot: a my_chat_member update, and sends to her fail with 403. */
    public void blockBot(User user) {
        people.setBlocked(user, true);
    }

    public void unblockBot(User user) {
        people.setBlocked(user, false);
    }

    // What the chats show

    public ChatView chat(long chatId) {
        return chats.view(chatId);
    }

    public Optional<ChatMessage> lastBotMessage(long chatId) {
        return chat(chatId).lastBotMessage();
    }

    /** Waits until a visible bot message matches; fails the test with the chat's contents if none does. */
    public ChatMessage awaitBotMessage(long chatId, Predicate<ChatMessage> matching, Duration timeout) {
        Predicate<ChatMessage> botAndMatching = message -> message.fromBot() && matching.test(message);
        ChatView view = awaitChat(chatId, chat -> chat.messages().stream().anyMatch(botAndMatching), timeout);
        return view.messages().stream().filter(botAndMatching).reduce((first, second) -> second).orElseThrow();
    }

    /** Waits until the chat satisfies the condition; fails the test with the chat's contents if it doesn't. */
    public ChatView awaitChat(long chatId, Predicate<ChatView> condition, Duration timeout) {
        try {
            return chats.await(chatId, condition, timeout).orElseThrow(() -> new AssertionError(
                    "chat " + chatId + " did not match within " + timeout + "; it shows " + chat(chatId).texts()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for chat " + chatId, e);
        }
    }

    /** Waits until the bot has confirmed every update (and received every duplicate). */
    public void awaitUpdatesConfirmed(Duration timeout) {
        try {
            if (!queue.awaitAllConfirmed(timeout)) {
                throw new AssertionError(pendingUpdates() + " updates still unconfirmed after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for confirmations", e);
        }
    }

    /** Waits until the bot is blocked in a getUpdates long poll, so a test can act without racing it. */
    public void awaitPolling(Duration timeout) {
        try {
            if (!queue.awaitPolling(timeout)) {
                throw new AssertionError("no getUpdates long poll within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a long poll", e);
        }
    }

    public int pendingUpdates() {
        return queue.pendingCount();
    }

    public List<AnsweredCallback> answeredCallbacks() {
        return callbacks.answered();
    }

    public List<String> unansweredCallbacks() {
        return callbacks.unanswered();
    }

    /** Commands of the default scope for a language code ("" for all languages). */
    public List<Command> commands(String languageCode) {
        return commands(Commands.DEFAULT_SCOPE, languageCode);
    }

    /** Commands for a scope key: "default", "all_private_chats", "chat:ID", ... */
    public List<Command> commands(String scope, String languageCode) {
        return commands.get(scope, languageCode);
    }

    /** Documents the bot sent to the chat, in order, including those whose message was deleted. */
    public List<SentFile> documents(long chatId) {
        return files.sentTo(chatId).stream().filter(file -> file.kind() == ChatMessage.Kind.DOCUMENT).toList();
    }

    /** Photos the bot sent to the chat, in order, including those whose message was deleted. */
    public List<SentFile> photos(long chatId) {
        return files.sentTo(chatId).stream().filter(file -> file.kind() == ChatMessage.Kind.PHOTO).toList();
    }

    public Optional<Webhook> webhook() {
        return webhook.get();
    }

    /** The raw body (and query string) of every request received, for tests that look for what must not be there. */
    public List<byte[]> requestBodies() {
        return log.bodies();
    }

    /** The menu button of private chats as last set (type "default" until the bot sets one). */
    public com.fasterxml.jackson.databind.JsonNode menuButton() {
        return setup.menuButton();
    }

    /** Every answered or dropped request, in order of arrival. */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /**
     * Calls the listener with every request once it has taken effect, on the thread that served
     * it, before its reply is written. For load drivers that act as soon as a chat changes.
     */
    public void onRequest(Consumer<RecordedRequest> listener) {
        log.listen(Objects.requireNonNull(listener, "listener"));
    }

    /** Requests of one method (case-insensitive), in order of arrival. */
    public List<RecordedRequest> requests(String method) {
        return log.all().stream().filter(request -> request.method().equalsIgnoreCase(method)).toList();
    }

    /** Stops the server, wakes every long poll and waiter, and ends the threads. */
    @Override
    public void close() {
        queue.close();
        chats.wakeAll();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long botId(String token) {
        int colon = token.indexOf(':');
        try {
            return colon > 0 ? Long.parseLong(token.substring(0, colon)) : 1_000_001L;
        } catch (NumberFormatException e) {
            return 1_000_001L;
        }
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private final String token;
        private int port;
        private Clock clock = Clock.systemUTC();
        private Random random = new Random(0);
        private long firstUpdateId = 500_000_001L;

        private Builder(String token) {
            this.token = Objects.requireNonNull(token, "token");
            if (token.isEmpty() || token.contains("/")) {
                throw new IllegalArgumentException("a token is non-empty and has no '/'");
            }
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock for message dates, the 48-hour delete window and 429 storms. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The randomness behind {@link Faults#serverErrorProbability}; seeded 0 by default. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** telegrambots reads update ids as Integer: keep them below 2^31. */
        public Builder firstUpdateId(long firstUpdateId) {
            if (firstUpdateId < 1 || firstUpdateId > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("update ids fit in a positive int");
            }
            this.firstUpdateId = firstUpdateId;
            return this;
        }

        public BotApiEmulator start() throws IOException {
            return new BotApiEmulator(this);
        }
    }
}
