package org.gawahi.bot.telegram.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the emulator by hand: {@code RunEmulator PORT TOKEN}, then point the bot at
 * {@code http://127.0.0.1:PORT} and type commands as a person would:
 * <pre>
 *   user ID NAME [LANG]          register someone (her chat id is ID)
 *   say ID TEXT...               she sends a text
 *   press ID MESSAGE_ID DATA     she presses a button (callback data as given)
 *   tap ID MESSAGE_ID LABEL...   she presses the button with that label
 *   show ID                      what her chat shows
 *   quit
 * </pre>
 * From the test class path, e.g. {@code java -cp "$(cat cp.txt):bot/target/test-classes" ...}.
 */
public final class RunEmulator {
    private static final Duration REPLY_WAIT = Duration.ofSeconds(3);

    private RunEmulator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RunEmulator PORT TOKEN");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<Long, User> people = new HashMap<>();
        try (BotApiEmulator emulator = BotApiEmulator.builder(args[1]).port(Integer.parseInt(args[0])).start();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("Bot API emulator on " + emulator.baseUrl() + " (type 'quit' to stop)");
            String line;
            while ((line = in.readLine()) != null && !line.strip().equals("quit")) {
                try {
                    run(line.strip().split("\\s+", 4), emulator, people, out);
                } catch (RuntimeException e) {
                    out.println("! " + e.getMessage());
                }
            }
        }
    }

    private static void run(String[] words, BotApiEmulator emulator, Map<Long, User> people, PrintStream out) {
        if (words.length < 2) {
            return;
        }
        long id = Long.parseLong(words[1]);
        switch (words[0]) {
            case "user" -> people.put(id, emulator.user(id, words[2], null, words.length > 3 ? words[3] : null));
            case "say" -> act(emulator, id, out, () -> emulator.sendText(person(people, id),
                    String.join(" ", java.util.Arrays.copyOfRange(words, 2, words.length))));
            case "press" -> act(emulator, id, out, () -> emulator.pressButton(person(people, id),
                    Integer.parseInt(words[2]), words[3]));
            case "tap" -> act(emulator, id, out, () -> emulator.pressButtonLabeled(person(people, id),
                    Integer.parseInt(words[2]), words[3]));
            case "show" -> show(emulator.chat(id), out);
            default -> out.println("! unknown command " + words[0]);
        }
    }

    /** Acts, then waits briefly for the chat to change and shows it. */
    private static void act(BotApiEmulator emulator, long chatId, PrintStream out, Runnable action) {
        ChatView before = emulator.chat(chatId);
        action.run();
        try {
            show(emulator.awaitChat(chatId, now -> !now.botMessages().equals(before.botMessages()), REPLY_WAIT), out);
        } catch (AssertionError e) {
            out.println("(no reply yet)");
        }
    }

    private static void show(ChatView chat, PrintStream out) {
        for (ChatMessage message : chat.messages()) {
            String body = message.text().isEmpty() ? "[" + message.kind() + "] " + message.caption() : message.text();
            out.println((message.fromBot() ? "bot " : "her ") + "#" + message.id() + ": " + body);
            message.buttons().forEach(button -> out.println("      [" + button.label() + "] -> "
                    + (button.callbackData().isEmpty() ? button.url() : button.callbackData())));
        }
    }

    private static User person(Map<Long, User> people, long id) {
        User user = people.get(id);
        if (user == null) {
            throw new IllegalArgumentException("no user " + id + "; add her with: user " + id + " NAME");
        }
        return user;
    }
}
