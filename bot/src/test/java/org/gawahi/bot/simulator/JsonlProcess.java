package org.gawahi.bot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar target/gawahi.jar simulate --jsonl ...} as its own process: one JSON line
 * in, one screen line out. Every stdout line is checked against the contract as it is read.
 */
final class JsonlProcess implements AutoCloseable {
    static final Set<String> KEYS = Set.of("text", "buttons", "done", "receipt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer stdin;
    private final BufferedReader stdout;
    private final Path stderr;
    private final List<JsonNode> screens = new ArrayList<>();

    private JsonlProcess(Process process, Path stderr) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = stderr;
    }

    /** Starts the packaged jar; fails with what to do when it was not built. */
    static JsonlProcess start(Path workDir, List<String> simulateArguments) throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path jar = moduleDir.resolve("target").resolve("gawahi.jar");
        if (!Files.isRegularFile(jar)) {
            fail(jar + " does not exist. Build it first with ./mvnw -DskipTests package "
                    + "(./mvnw verify builds it and then runs this test).");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "simulate", "--jsonl"));
        command.addAll(simulateArguments);
        Path stderr = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("GAWAHI_QUESTIONNAIRE");
        return new JsonlProcess(builder.start(), stderr);
    }

    static String button(String id) {
        return line("button", id);
    }

    static String text(String text) {
        return line("text", text);
    }

    static String command(String command) {
        return line("command", command);
    }

    private static String line(String key, String value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put(key, value);
        return node.toString();
    }

    /** The screen printed before any input. */
    JsonNode first() throws IOException {
        return readScreen();
    }

    /** Sends one line and reads the one screen it answers with. */
    JsonNode send(String line) throws IOException {
        write(line);
        return readScreen();
    }

    /** Sends a line the simulator must ignore: nothing is read back. */
    void sendIgnored(String line) throws IOException {
        write(line);
    }

    /** Ends the input, waits for the process, and checks whatever stdout still held. */
    int finish() throws IOException, InterruptedException {
        stdin.close();
        String rest;
        while ((rest = stdout.readLine()) != null) {
            screens.add(parseScreen(rest));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            fail("the simulator did not end after its input ended");
        }
        return process.exitValue();
    }

    String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
    }

    /** Every screen read so far, in order. */
    List<JsonNode> screens() {
        return List.copyOf(screens);
    }

    private void write(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    private JsonNode readScreen() throws IOException {
        String line = stdout.readLine();
        if (line == null) {
            fail("stdout ended; stderr said:\n" + stderr());
        }
        JsonNode screen = parseScreen(line);
        screens.add(screen);
        return screen;
    }

    /** One stdout line: a JSON object with exactly the contract's keys and types. */
    static JsonNode parseScreen(String line) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return fail("stdout line is not JSON: " + line);
        }
        assertThat(node).as(line).isNotNull();
        assertThat(node.isObject()).as("an object: %s", line).isTrue();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(line).containsExactlyInAnyOrderElementsOf(KEYS);
        assertThat(node.get("text").isTextual()).as(line).isTrue();
        assertThat(node.get("done").isBoolean()).as(line).isTrue();
        assertThat(node.get("receipt").isNull() || node.get("receipt").isTextual()).as(line).isTrue();
        assertThat(node.get("buttons").isArray()).as(line).isTrue();
        for (JsonNode b : node.get("buttons")) {
            List<String> buttonKeys = new ArrayList<>();
            b.fieldNames().forEachRemaining(buttonKeys::add);
            assertThat(buttonKeys).as(line).containsExactlyInAnyOrder("id", "label");
            assertThat(b.get("id").isTextual() && b.get("label").isTextual()).as(line).isTrue();
        }
        return node;
    }

    static List<String> buttonIds(JsonNode screen) {
        List<String> ids = new ArrayList<>();
        screen.get("buttons").forEach(b -> ids.add(b.get("id").asText()));
        return ids;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
