package org.gawahi.bot.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.bot.interview.Desk;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.interview.Screen;
import org.gawahi.config.questionnaire.QuestionKind;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.drafts.ChatRef;

/**
 * The terminal adapter: the same engine as in Telegram, with numbered buttons, so that a
 * collective can rehearse its questionnaire without a token. On a question that also takes a
 * typed number the buttons read {@code [#1]}: {@code 12} answers twelve, {@code #3} presses.
 *
 * <p>In JSON-lines mode (a contract tests and tools rely on) every screen is one line on
 * stdout, {@code {"text":..., "buttons":[{"id":..., "label":...}], "done":false, "receipt":null}},
 * and every input line is {@code {"button": id}}, {@code {"text": ...}} or
 * {@code {"command": "/back"}}. Nothing else goes to stdout; problems go to stderr.
 *
 * <p>A caller of the {@link Desk}, as the Telegram adapter is: it shows the reply's screen; a
 * rehearsal has nobody else to tell, so what the reply owes others after the commit is not
 * carried out.
 */
public final class Simulator {
    /** The kind of an answer button's id ({@code a:<question>:<option>}), as in the JSON-lines contract. */
    private static final String ANSWER_BUTTON = "a";
    private final Desk desk;
    private final Questionnaire questionnaire;
    private final ChatRef chat;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();

    /** @param chat this run's pseudonymous chat: a new one for every run, so no run meets another's draft */
    public Simulator(Interview interview, ChatRef chat, BufferedReader in, PrintStream out, PrintStream err) {
        this(interview, interview.questionnaire(), chat, in, out, err);
    }

    /** @param desk answers in {@code questionnaire}: the interview, or desks in front of it */
    public Simulator(Desk desk, Questionnaire questionnaire, ChatRef chat, BufferedReader in, PrintStream out,
                     PrintStream err) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.questionnaire = Objects.requireNonNull(questionnaire, "questionnaire");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Runs until the conversation is done or input ends; returns the process exit code. */
    public int run(Optional<String> language, boolean jsonLines) throws IOException {
        String code = language.orElse(null);
        Screen screen = desk.handle(chat, code, new Input.Start()).screen();
        if (language.isPresent() && questionnaire.supports(language.get())) {
            // --lang chooses the language, as pressing its button would.
            Optional<Screen.Button> choice = screen.buttons().stream()
                    .filter(b -> b.id().endsWith(":" + language.get())).findFirst();
            if (choice.isPresent()) {
                screen = desk.handle(chat, code, new Input.Press(choice.get().id())).screen();
            }
        } else if (language.isPresent()) {
            err.println("Language '" + language.get() + "' is not in this questionnaire; choose one below.");
        }
        show(screen, jsonLines);
        String line;
        while (!screen.done() && (line = in.readLine()) != null) {
            Optional<Input> input = jsonLines ? fromJson(line) : fromTyped(line, screen, questionnaire);
            if (input.isEmpty()) {
                continue;
            }
            screen = desk.handle(chat, code, input.get()).screen();
            show(screen, jsonLines);
        }
        return 0;
    }

    private Optional<Input> fromJson(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(line);
            if (node != null && node.hasNonNull("button")) {
                return Optional.of(new Input.Press(node.get("button").asText()));
            }
            if (node != null && node.hasNonNull("text")) {
                return Optional.of(new Input.Text(node.get("text").asText()));
            }
            if (node != null && node.hasNonNull("command")) {
                String command = node.get("command").asText();
                Input parsed = Input.parse(command.startsWith("/") ? command : "/" + command);
                return Optional.of(parsed instanceof Input.Command c && c.name().equals("start") ? new Input.Start() : parsed);
            }
            if (node != null && node.hasNonNull("unsupported")) {
                return Optional.of(new Input.Unsupported(node.get("unsupported").asText()));
            }
        } catch (IOException e) {
            // fall through to the message below
        }
        err.println("Ignored a line: expected {\"button\": id}, {\"text\": \"...\"} or {\"command\": \"/back\"}.");
        return Optional.empty();
    }

    /**
     * {@code #3} presses button 3; a plain number presses that button too, except on a
     * question that takes a typed number ("about how many people"), where it is the answer;
     * a slash starts a command; anything else is text.
     */
    static Optional<Input> fromTyped(String line, Screen screen, Questionnaire questionnaire) {
        String typed = line.strip();
        List<Screen.Button> buttons = screen.buttons();
        boolean prefixed = typed.matches("#\\d{1,3}");
        if (prefixed || (typed.matches("\\d{1,3}") && !takesTypedNumber(screen, questionnaire))) {
            int n = Integer.parseInt(prefixed ? typed.substring(1) : typed);
            if (n >= 1 && n <= buttons.size()) {
                return Optional.of(new Input.Press(buttons.get(n - 1).id()));
            }
        }
        if (typed.equals("/start")) {
            return Optional.of(new Input.Start());
        }
        return Optional.of(Input.parse(line));
    }

    /** Whether the screen asks a number-band question, whose answer may be typed as a number. */
    static boolean takesTypedNumber(Screen screen, Questionnaire questionnaire) {
        return screen.buttons().stream().map(b -> b.id().split(":", -1))
                .filter(parts -> parts.length == 3 && parts[0].equals(ANSWER_BUTTON))
                .map(parts -> questionnaire.question(parts[1]))
                .anyMatch(q -> q.isPresent() && q.get().kind() == QuestionKind.NUMBER_BAND);
    }

    private void show(Screen screen, boolean jsonLines) throws IOException {
        if (jsonLines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("text", screen.text());
            List<Map<String, String>> buttons = new ArrayList<>();
            for (Screen.Button b : screen.buttons()) {
                Map<String, String> button = new LinkedHashMap<>();
                button.put("id", b.id());
                button.put("label", b.label());
                buttons.add(button);
            }
            line.put("buttons", buttons);
            line.put("done", screen.done());
            line.put("receipt", screen.receipt().orElse(null));
            out.println(json.writeValueAsString(line));
            out.flush();
            return;
        }
        out.println();
        out.println("────────────────────────────────────────");
        out.println(screen.text());
        int n = 1;
        String mark = takesTypedNumber(screen, questionnaire) ? "#" : "";
        for (List<Screen.Button> row : screen.keyboard()) {
            StringBuilder b = new StringBuilder();
            for (Screen.Button button : row) {
                b.append(String.format("[%s%d] %s   ", mark, n++, button.label()));
            }
            out.println(b.toString().stripTrailing());
        }
        if (!screen.done()) {
            out.print("> ");
        }
        out.flush();
    }
}
