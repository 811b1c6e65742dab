package org.gawahi.bot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gawahi.bot.telegram.emulator.BotApiEmulator;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.bot.telegram.emulator.RecordedRequest;
import org.gawahi.bot.telegram.emulator.User;

/**
 * Many people at once, each following a {@link Script} on her own chat: she acts, waits until the
 * bot changes her chat (the emulator tells us as soon as a call has taken effect), looks at the
 * newest screen and acts again, until she is done. She never acts twice on the same screen,
 * unless the bot has said nothing for {@code patience}: then she presses again, as a person would.
 */
public final class Crowd implements AutoCloseable {
    private static final Set<String> CHAT_CHANGES = Set.of("sendmessage", "editmessagetext", "deletemessage",
            "deletemessages");

    /** One simulated person and what happened to her. */
    public static final class Person {
        public final User user;
        public final String freeText;
        private String lastScreen;
        private long actedAt;
        private boolean waiting;
        private boolean finished;
        int actions;
        int retries;
        int startedOver;
        int startsRepeated;
        boolean pastLanguage;
        String noted;
        long finishedAt;

        Person(User user, String freeText) {
            this.user = user;
            this.freeText = freeText;
        }

        public synchronized Optional<String> noted() {
            return finished ? Optional.of(noted) : Optional.empty();
        }

        /** How often she was shown the language choice again after she had gone past it. */
        public synchronized int startedOver() {
            return startedOver;
        }

        /** How often she sent /start again because the bot had shown her nothing at all for a while. */
        public synchronized int startsRepeated() {
            return startsRepeated;
        }

        public synchronized int retries() {
            return retries;
        }

        public synchronized int actions() {
            return actions;
        }
    }

    private final BotApiEmulator emulator;
    private final Script script;
    private final Duration patience;
    private final Map<Long, Person> byChat = new HashMap<>();
    private final List<Person> people = new ArrayList<>();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(Crowd::daemon);
    private final CountDownLatch done;
    private long startedAt;

    /** People with ids from {@code firstId}; each types {@code freeText.apply(i)} where asked. */
    public Crowd(BotApiEmulator emulator, Script script, int count, long firstId,
                 java.util.function.IntFunction<String> freeText, Duration patience, int threads) {
        this.emulator = emulator;
        this.script = script;
        this.patience = patience;
        this.workers = Executors.newFixedThreadPool(threads, Crowd::daemon);
        this.done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Person person = new Person(emulator.user(firstId + i, "P" + i, null, "en"), freeText.apply(i));
            people.add(person);
            byChat.put(person.user.chatId(), person);
        }
        emulator.onRequest(this::changed);
    }

    /** Everyone sends /start at once. */
    public void start() {
        startedAt = System.nanoTime();
        for (Person person : people) {
            synchronized (person) {
                act(person, new Script.Step(Script.Step.Kind.TYPE, "/start"), "");
            }
        }
        long period = Math.max(200, patience.toMillis() / 4);
        watchdog.scheduleAtFixedRate(this::nudgeTheStuck, period, period, TimeUnit.MILLISECONDS);
    }

    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<Person> people() {
        return List.copyOf(people);
    }

    public List<Person> unfinished() {
        return people.stream().filter(p -> p.noted().isEmpty()).toList();
    }

    /** For a failure message: where each unfinished person is stuck (her screen's buttons, no text). */
    public String describeUnfinished() {
        long now = System.nanoTime();
        StringBuilder out = new StringBuilder();
        for (Person person : unfinished()) {
            synchronized (person) {
                out.append(String.format("%n  chat %d: %d actions, %d retries, waiting=%s for %d ms; screen %s",
                        person.user.chatId(), person.actions, person.retries, person.waiting,
                        (now - person.actedAt) / 1_000_000,
                        emulator.lastBotMessage(person.user.chatId()).map(m -> m.id() + " "
                                + m.buttons().stream().map(b -> b.callbackData()).toList()).orElse("none")));
            }
        }
        unfinished().stream().limit(1).forEach(person -> out.append(String.format(
                "%n  %d updates pending; the calls on chat %d: %s", emulator.pendingUpdates(), person.user.chatId(),
                emulator.requests().stream().filter(r -> r.chatId().equals(Optional.of(person.user.chatId())))
                        .map(r -> r.method() + "=" + r.status()).toList())));
        return out.toString();
    }

    public LatencyRecorder latencies() {
        return latencies;
    }

    /** Updates the people sent, retries included. */
    public int updates() {
        return people.stream().mapToInt(Person::actions).sum();
    }

    public int retries() {
        return people.stream().mapToInt(p -> {
            synchronized (p) {
                return p.retries;
            }
        }).sum();
    }

    /** From the first /start to the last person done. */
    public Duration elapsed() {
        long last = people.stream().mapToLong(p -> {
            synchronized (p) {
                return p.finishedAt;
            }
        }).max().orElse(startedAt);
        return Duration.ofNanos(last - startedAt);
    }

    private void changed(RecordedRequest request) {
        if (request.status() != 200 || request.chatId().isEmpty()
                || !CHAT_CHANGES.contains(request.method().toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        Person person = byChat.get(request.chatId().get());
        if (person != null) {
            workers.execute(() -> look(person, false));
        }
    }

    private void look(Person person, boolean retry) {
        long now = System.nanoTime();
        synchronized (person) {
            if (person.finished) {
                return;
            }
            Optional<ChatMessage> newest = emulator.lastBotMessage(person.user.chatId());
            if (newest.isEmpty()) {
                if (retry) {
                    person.retries++;
                    person.startsRepeated++;
                    act(person, new Script.Step(Script.Step.Kind.TYPE, "/start"), "");
                }
                return;
            }
            ChatMessage screen = newest.get();
            String seen = screen.id() + "|" + screen.text() + "|" + screen.buttons().stream()
                    .map(b -> b.callbackData() + "=" + b.label()).toList();
            if (seen.equals(person.lastScreen) && !retry) {
                return;
            }
            if (person.waiting && !retry) {
                latencies.record(now - person.actedAt);
            }
            if (retry) {
                person.retries++;
            }
            Script.Step step = script.next(screen, person.freeText);
            if (step.kind() == Script.Step.Kind.FINISH) {
                person.finished = true;
                person.noted = step.value();
                person.finishedAt = now;
                person.waiting = false;
                done.countDown();
                return;
            }
            boolean languageChoice = Script.isLanguageChoice(screen);
            if (languageChoice && person.pastLanguage) {
                person.startedOver++;
            }
            person.pastLanguage = !languageChoice;
            act(person, step, seen);
            if (step.kind() == Script.Step.Kind.PRESS) {
                emulator.pressButton(person.user, screen.id(), step.value());
            }
        }
    }

    /** Records the action; a typed text is sent here, a press by the caller (it needs the message). */
    private void act(Person person, Script.Step step, String seen) {
        person.lastScreen = seen;
        person.actedAt = System.nanoTime();
        person.waiting = true;
        person.actions++;
        if (step.kind() == Script.Step.Kind.TYPE) {
            emulator.sendText(person.user, step.value());
        }
    }

    private void nudgeTheStuck() {
        long now = System.nanoTime();
        for (Person person : people) {
            boolean stuck;
            synchronized (person) {
                stuck = !person.finished && person.waiting && now - person.actedAt > patience.toNanos();
            }
            if (stuck) {
                workers.execute(() -> look(person, true));
            }
        }
    }

    static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "crowd");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        workers.shutdownNow();
    }
}
