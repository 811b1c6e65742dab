package org.gawahi.bot.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gawahi.bot.RaidQuestionnaire;
import org.gawahi.bot.interview.Input;
import org.gawahi.bot.interview.Interview;
import org.gawahi.bot.interview.Screen;
import org.gawahi.bot.telegram.emulator.Button;
import org.gawahi.bot.telegram.emulator.ChatMessage;
import org.gawahi.config.questionnaire.Questionnaire;
import org.gawahi.storage.TestStorage;
import org.gawahi.storage.drafts.ChatRef;

/**
 * The screens one person sees giving the load benchmark's testimony, in order, for the echo
 * bot to show: so that its edits carry the same texts and keyboards as the real bot's, and
 * the ratio compares keeping state (drafts, storage, the engine) rather than message sizes.
 * Made by the engine before the echo bot starts, and handed to it in a file.
 */
public final class EchoScreens {
    private EchoScreens() {
    }

    /** One testimony through the engine (sealed storage in a scratch folder), every screen she is shown. */
    public static List<Screen> ofOneTestimony(Path scratch) throws Exception {
        List<Screen> shown = new ArrayList<>();
        try (TestStorage storage = TestStorage.create(scratch.resolve("storage"))) {
            Questionnaire questionnaire = RaidQuestionnaire.load(Files.createDirectories(scratch.resolve("questionnaire")));
            Interview interview = new Interview(questionnaire, storage.drafts, storage.submissions, storage.clock);
            Script script = Script.testimony();
            Screen screen = null;
            for (Input input = new Input.Start(); input != null; input = inputFor(script, screen, 0)) {
                screen = interview.handle(ChatRef.of(1), "en", input).screen();
                shown.add(screen);
            }
        }
        return shown;
    }

    /** What the person does on this screen as {@link Script} says; null once she has her receipt. */
    static Input inputFor(Script script, Screen screen, int person) {
        if (screen == null) {
            return new Input.Start();
        }
        if (screen.done()) {
            return null;
        }
        List<List<Button>> keyboard = screen.keyboard().stream()
                .map(row -> row.stream().map(b -> new Button(b.label(), b.id(), "")).toList()).toList();
        ChatMessage message = new ChatMessage(1, 0, true, ChatMessage.Kind.TEXT, screen.text(), "", keyboard, false,
                Instant.EPOCH, false);
        Script.Step step = script.next(message, "They came at night, person " + person + ".");
        return switch (step.kind()) {
            case PRESS -> new Input.Press(step.value());
            case TYPE -> new Input.Text(step.value());
            case FINISH -> null;
        };
    }

    public static void write(List<Screen> screens, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            data.writeInt(screens.size());
            for (Screen screen : screens) {
                data.writeUTF(screen.text());
                data.writeInt(screen.keyboard().size());
                for (List<Screen.Button> row : screen.keyboard()) {
                    data.writeInt(row.size());
                    for (Screen.Button button : row) {
                        data.writeUTF(button.id());
                        data.writeUTF(button.label());
                    }
                }
            }
        }
    }

    public static List<Screen> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            int count = data.readInt();
            List<Screen> screens = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                String text = data.readUTF();
                int rows = data.readInt();
                List<List<Screen.Button>> keyboard = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    int buttons = data.readInt();
                    List<Screen.Button> row = new ArrayList<>(buttons);
                    for (int b = 0; b < buttons; b++) {
                        row.add(new Screen.Button(data.readUTF(), data.readUTF()));
                    }
                    keyboard.add(row);
                }
                screens.add(new Screen(text, keyboard, false, java.util.Optional.empty(), Screen.Ending.NONE));
            }
            return screens;
        }
    }
}
