package org.gawahi.bot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gawahi.bot.simulator.JsonlProcess.button;
import static org.gawahi.bot.simulator.JsonlProcess.buttonIds;
import static org.gawahi.bot.simulator.JsonlProcess.command;
import static org.gawahi.bot.simulator.JsonlProcess.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawahi.bot.RaidQuestionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator's JSON-lines contract as a tool meets it: the packaged jar in its own
 * process, stdout nothing but screen lines. Runs in {@code ./mvnw verify}, after the jar is
 * packaged. The timeout only keeps a hung process from hanging the build.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SimulatorJsonlProcessIT {
    private static final String RECEIPT = "\\d{4} \\d{4} \\d{4} \\d{4}";

    @TempDir
    Path workDir;

    /** Until every translation is merged, the simulator rehearses a copy listing the languages that exist. */
    private List<String> arguments(String... more) {
        List<String> arguments = new ArrayList<>();
        if (!RaidQuestionnaire.complete()) {
            arguments.add("--questionnaire");
            arguments.add(RaidQuestionnaire.copyTo(workDir.resolve("questionnaire")).toString());
        }
        arguments.addAll(List.of(more));
        return arguments;
    }

    static List<String> languages() {
        return RaidQuestionnaire.availableLanguages();
    }

    @Test
    void wholeTestimonyOverJsonLinesEndsWithAReceipt() throws Exception {
        try (JsonlProcess simulator = JsonlProcess.start(workDir, arguments())) {
            JsonNode screen = simulator.first();
            assertThat(buttonIds(screen)).contains("l:lang:en");

            screen = press(simulator, screen, "l:lang:en");
            for (String consent : List.of("a:c1:yes", "a:c2:continue", "a:c3:yes", "a:c4:yes", "a:c5:me")) {
                screen = press(simulator, screen, consent);
            }
            screen = press(simulator, screen, firstStartingWith(screen, "y:q1:"));
            screen = press(simulator, screen, "m:q1:0");
            screen = press(simulator, screen, "a:q2:mh");
            screen = press(simulator, screen, "a:q3:pune");
            screen = press(simulator, screen, "a:q4:street");
            screen = press(simulator, screen, "a:q5:night");

            screen = simulator.send(command("/back"));
            assertThat(buttonIds(screen)).contains("a:q5:day");
            screen = press(simulator, screen, "a:q5:day");

            screen = press(simulator, screen, "a:q6:ngo");
            screen = press(simulator, screen, "d:q6:done");
            screen = press(simulator, screen, "a:q7:from_start");
            screen = press(simulator, screen, "a:q8:told");
            screen = simulator.send(text("7"));
            assertThat(buttonIds(screen)).as("q9 answered by typing").anyMatch(id -> id.startsWith("a:q10:"));

            for (int step = 0; step < 200 && !isReview(screen); step++) {
                screen = isFreeText(screen)
                        ? simulator.send(text("They came at night. Call 98765 43210."))
                        : press(simulator, screen, plainChoice(screen));
            }
            assertThat(buttonIds(screen)).contains("r:review:submit");
            screen = press(simulator, screen, "r:review:submit");

            assertThat(screen.get("done").asBoolean()).isTrue();
            assertThat(screen.get("receipt").asText()).matches(RECEIPT);
            assertThat(simulator.finish()).as("exit code").isZero();
            List<JsonNode> screens = simulator.screens();
            assertThat(screens.subList(0, screens.size() - 1))
                    .allSatisfy(s -> {
                        assertThat(s.get("done").asBoolean()).isFalse();
                        assertThat(s.get("receipt").isNull()).isTrue();
                    });
        }
    }

    @ParameterizedTest(name = "--lang {0}")
    @MethodSource("languages")
    void languageOptionSkipsTheLanguageChoice(String language) throws Exception {
        try (JsonlProcess simulator = JsonlProcess.start(workDir, arguments("--lang", language))) {
            JsonNode first = simulator.first();

            assertThat(buttonIds(first)).contains("a:c1:yes").noneMatch(id -> id.startsWith("l:"));
            assertThat(simulator.finish()).isZero();
        }
    }

    @Test
    void malformedLinesAreIgnoredWithANoteOnStderr() throws Exception {
        try (JsonlProcess simulator = JsonlProcess.start(workDir, arguments("--lang", "en"))) {
            JsonNode first = simulator.first();
            assertThat(buttonIds(first)).contains("a:c1:yes");

            for (String malformed : List.of("this is not json", "{\"button\": ", "[1, 2]", "null", "{\"foo\": 1}",
                    "{\"button\": null}")) {
                simulator.sendIgnored(malformed);
            }
            JsonNode next = simulator.send(button("a:c1:yes"));

            assertThat(buttonIds(next)).as("the answer to the first valid line").contains("a:c2:continue");
            assertThat(simulator.finish()).isZero();
            assertThat(simulator.screens()).hasSize(2);
            assertThat(simulator.stderr()).contains("Ignored a line");
        }
    }

    @Test
    void stickerAndStaleButtonGetAScreenLineToo() throws Exception {
        try (JsonlProcess simulator = JsonlProcess.start(workDir, arguments("--lang", "en"))) {
            simulator.first();

            JsonNode afterSticker = simulator.send("{\"unsupported\": \"sticker\"}");
            JsonNode afterForged = simulator.send(button("x:c1:yes"));

            assertThat(buttonIds(afterSticker)).contains("a:c1:yes");
            assertThat(buttonIds(afterForged)).contains("a:c1:yes");
            assertThat(afterForged.get("done").asBoolean()).isFalse();
            assertThat(simulator.finish()).isZero();
        }
    }

    // ---- choosing on a screen ----

    private static JsonNode press(JsonlProcess simulator, JsonNode screen, String id) throws IOException {
        assertThat(buttonIds(screen)).as("buttons on screen").contains(id);
        return simulator.send(button(id));
    }

    private static String firstStartingWith(JsonNode screen, String prefix) {
        return buttonIds(screen).stream().filter(id -> id.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static boolean isReview(JsonNode screen) {
        return buttonIds(screen).contains("r:review:submit");
    }

    /** A question answered by typing: only navigation buttons. */
    private static boolean isFreeText(JsonNode screen) {
        return !buttonIds(screen).isEmpty()
                && buttonIds(screen).stream().allMatch(id -> id.startsWith("n:"));
    }

    /** Done when something is ticked, else the first answer, else the first year or month. */
    private static String plainChoice(JsonNode screen) {
        List<String> ids = buttonIds(screen);
        boolean ticked = false;
        for (JsonNode b : screen.get("buttons")) {
            ticked |= b.get("id").asText().startsWith("a:") && b.get("label").asText().startsWith("✓");
        }
        if (ticked) {
            return ids.stream().filter(id -> id.startsWith("d:")).findFirst().orElseThrow();
        }
        return ids.stream().filter(id -> id.startsWith("a:") || id.startsWith("y:") || id.startsWith("m:"))
                .findFirst().orElseThrow(() -> new AssertionError("nothing to answer with: " + ids));
    }
}
