package org.gawahi.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.gawahi.bot.bench.Script;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.bot.telegram.emulator.User;
import org.gawahi.config.secret.SecretBytes;
import org.gawahi.storage.drafts.ChatRef;
import org.gawahi.storage.testimony.TestimonyContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Random sequences of updates from many chats through the real adapter and engine (the real
 * client over HTTP, the emulator): button presses on the screen shown, stale and forged buttons,
 * commands, stickers and other media, edited messages, group messages, huge and odd texts. Each
 * person types only her own canary. Afterwards: no update failed or was skipped (nothing logged
 * at WARN by the applier, the engine or the sender), every update confirmed, every button press
 * answered, no message refused by the emulator's Bot API limits, no canary in another chat's draft
 * or testimony, groups never shown a questionnaire screen, every private screen protected.
 * A failure names the seed; {@code -Dgawahi.fuzz.seed=N} replays it.
 */
class AdapterFuzzTest {
    private static final long SEED = Long.getLong("gawahi.fuzz.seed", System.nanoTime());
    private static final List<String> COMMANDS = List.of("/start", "/back", "/skip", "/pause", "/resume", "/erase",
            "/language", "/help", "/exit", "/status", "/status 1234 5678 9012 3456", "/withdraw", "/withdraw abc",
            "/dance", "/START", "/start@gawahi_emulator_bot", "/start@other_bot", "/");
    private static final List<String> ODD = List.of("", " ", "\n\n", "\u200B\u200C\u200D\uFEFF", "\u202E\u202D",
            "مرحبا بالعالم", "שלום", "पुलिस रात को आई और फ़ोन ले गई", "পুলিশ", "😢🙏🏽👩‍👧", "\u0000\u0007",
            "<b>bold</b> &amp; *md* _x_ `code`", "98765 43210", "a@b.in", "%s%n{0}${x}", "\uD83D", "\u0301\u0301");
    private static final List<String> FORGED = List.of("", "x", "a:", "a:q1:", "a:c1:yes:extra", "l:lang:xx",
            "z:clear:now", "r:review:submit", "a:q99:yes", "n:c1:erase", "d:q22b:done", "m:q3:13", "y:q3:1800",
            "\u0000", "a:c1:" + "y".repeat(80), "ा:ा:ा");

    @TempDir
    Path dataDir;
    BotHarness harness;
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        warnings.setContext(root.getLoggerContext());
        warnings.start();
        root.addAppender(warnings);
        harness = BotHarness.start(dataDir);
    }

    @AfterEach
    void stop() {
        harness.close();
        root.detachAppender(warnings);
    }

    @Test
    void sixHundredRandomUpdatesFromTwelveChats() throws Exception {
        fuzz(12, 600);
    }

    @Test
    @Tag("full")
    void tenThousandRandomUpdatesFromFortyChats() throws Exception {
        fuzz(40, 10_000);
    }

    private void fuzz(int chats, int updates) throws Exception {
        Random random = new Random(SEED);
        List<User> people = new ArrayList<>();
        Map<Long, List<ChatMessage>> seen = new HashMap<>();
        Map<Long, List<Integer>> typed = new HashMap<>();
        for (int i = 0; i < chats; i++) {
            User user = harness.emulator.user(8_800_000L + i, "F" + i, i % 2 == 0 ? "f" + i : null,
                    List.of("en", "hi", "bn", "", "xx").get(i % 5));
            people.add(user);
            seen.put(user.chatId(), new ArrayList<>());
            typed.put(user.chatId(), new ArrayList<>());
        }
        for (int step = 0; step < updates; step++) {
            User user = people.get(random.nextInt(chats));
            Optional<ChatMessage> screen = harness.emulator.lastBotMessage(user.chatId());
            screen.ifPresent(s -> seen.get(user.chatId()).add(s));
            randomUpdate(random, user, screen, seen.get(user.chatId()), typed.get(user.chatId()), people);
            if (random.nextInt(15) == 0) {
                harness.settle();
            }
        }
        harness.settle();
        check(people, updates);
    }

    private void randomUpdate(Random random, User user, Optional<ChatMessage> screen, List<ChatMessage> seen,
                              List<Integer> typed, List<User> people) {
        var emulator = harness.emulator;
        int kind = random.nextInt(100);
        if (kind < 35 && screen.isPresent()) { // onward, as a person giving her testimony would
            Script.Step step;
            try {
                step = Script.testimony().next(screen.get(), canary(user.chatId()));
            } catch (RuntimeException notAQuestionnaireScreen) {
                step = new Script.Step(Script.Step.Kind.FINISH, "");
            }
            switch (step.kind()) {
                case PRESS -> emulator.pressButton(user, screen.get().id(), step.value());
                case TYPE -> typed.add(emulator.sendText(user, step.value()));
                default -> emulator.sendText(user, "/start");
            }
        } else if (kind < 50 && screen.isPresent() && !screen.get().buttons().isEmpty()) {
            List<Button> buttons = screen.get().buttons();
            emulator.pressButton(user, screen.get().id(), buttons.get(random.nextInt(buttons.size())).callbackData());
        } else if (kind < 58) {
            typed.add(emulator.sendText(user, canaryText(random, user)));
        } else if (kind < 63) {
            emulator.sendText(user, COMMANDS.get(random.nextInt(COMMANDS.size())));
        } else if (kind < 70 && !seen.isEmpty()) { // stale: a button of an older screen
            ChatMessage old = seen.get(random.nextInt(seen.size()));
            if (!old.buttons().isEmpty()) {
                emulator.pressButton(user, old.id(), old.buttons().get(random.nextInt(old.buttons().size()))
                        .callbackData());
            }
        } else if (kind < 76) { // forged, or another chat's button, on any message id
            int messageId = screen.map(ChatMessage::id).orElse(1) + random.nextInt(3) - 1;
            String data = random.nextBoolean() ? FORGED.get(random.nextInt(FORGED.size()))
                    : harness.emulator.lastBotMessage(people.get(random.nextInt(people.size())).chatId())
                            .flatMap(m -> m.buttons().stream().findFirst()).map(Button::callbackData).orElse("a:c1:yes");
            emulator.pressButton(user, Math.max(1, messageId), data);
        } else if (kind < 84) {
            switch (random.nextInt(5)) {
                case 0 -> emulator.sendSticker(user);
                case 1 -> emulator.sendPhoto(user);
                case 2 -> emulator.sendVoice(user);
                case 3 -> emulator.sendLocation(user);
                default -> emulator.sendContact(user);
            }
        } else if (kind < 90 && !typed.isEmpty()) {
            try {
                emulator.editMessage(user, typed.get(random.nextInt(typed.size())), canaryText(random, user));
            } catch (IllegalArgumentException gone) {
                // the bot deleted it already: nothing to edit
            }
        } else if (kind < 96) {
            emulator.groupMessage(user, -1_000_000_000L - random.nextInt(3), "Group",
                    random.nextBoolean() ? COMMANDS.get(random.nextInt(COMMANDS.size())) : canaryText(random, user));
        } else {
            emulator.sendText(user, "/start");
        }
    }

    /** Her canary inside something odd: RTL, emoji, zero-width, Devanagari, or 10 000 characters. */
    private static String canaryText(Random random, User user) {
        String canary = canary(user.chatId());
        return switch (random.nextInt(4)) {
            case 0 -> canary;
            case 1 -> ODD.get(random.nextInt(ODD.size())) + " " + canary + " " + ODD.get(random.nextInt(ODD.size()));
            case 2 -> canary + " " + "ख".repeat(10_000 - canary.length() - 1);
            default -> ODD.get(random.nextInt(ODD.size()));
        };
    }

    private static String canary(long chatId) {
        return "CANARY" + Long.toString(chatId, 36).toUpperCase() + "Q";
    }

    private void check(List<User> people, int updates) throws Exception {
        String seed = "seed " + SEED + " (replay with -Dgawahi.fuzz.seed=" + SEED + ")";
        assertThat(warnings.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getLoggerName().startsWith("org.gawahi"))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())).as(seed).isEmpty();
        assertThat(harness.emulator.pendingUpdates()).as(seed).isZero();
        assertThat(harness.emulator.unansweredCallbacks()).as(seed).isEmpty();
        assertThat(harness.emulator.requests("sendMessage")).as(seed).noneMatch(r -> r.status() == 400);
        for (User user : people) {
            String own = canary(user.chatId());
            assertThat(harness.emulator.chat(user.chatId()).botMessages()).as(seed).allMatch(ChatMessage::protectContent);
            Optional<SecretBytes> draft = harness.drafts.load(ChatRef.of(user.chatId()));
            if (draft.isPresent()) {
                try (SecretBytes bytes = draft.get()) {
                    String json = new String(bytes.bytes(), StandardCharsets.UTF_8);
                    assertThat(canaries(json)).as("%s: canaries in the draft of %s", seed, own)
                            .allMatch(own::equals);
                }
            }
        }
        for (TestimonyContent testimony : harness.openTestimonies()) {
            String texts = String.join(" ", testimony.texts().values());
            assertThat(canaries(texts).stream().distinct()).as("%s: canaries in one testimony", seed).hasSizeLessThan(2);
        }
        for (long group = -1_000_000_000L; group > -1_000_000_003L; group--) {
            assertThat(harness.emulator.chat(group).botMessages()).as(seed)
                    .allMatch(m -> m.buttons().isEmpty()).hasSizeLessThanOrEqualTo(1);
        }
        System.out.printf("adapter fuzz: %d updates from %d chats in %d polls, %d testimonies submitted, %d drafts "
                + "(seed %d)%n", updates, people.size(), harness.emulator.requests("getUpdates").size(),
                harness.testimonies.count(),
                people.stream().filter(u -> harness.drafts.load(ChatRef.of(u.chatId())).isPresent()).count(), SEED);
    }

    private static List<String> canaries(String text) {
        return java.util.regex.Pattern.compile("CANARY[0-9A-Z]+Q").matcher(text).results()
                .map(java.util.regex.MatchResult::group).toList();
    }
}
