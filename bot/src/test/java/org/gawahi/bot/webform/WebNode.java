package org.gawahi.bot.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Mini App form's Node scripts (web/form) from the bot's tests, as the storage module's
 * ExitDoorTest runs the exit door: {@code node} from the PATH (the test is skipped, saying why,
 * where Node is not installed; CI installs it), {@code npm ci} in web/ when its packages are
 * missing, so the README's one test command works on a fresh machine with Node.
 */
public final class WebNode {
    private WebNode() {
    }

    /** What a script printed and how it ended. */
    public record Run(int status, String out, String errors) {
        public Run succeeded() {
            assertThat(status).as("node exit status; it said:\n" + errors).isZero();
            return this;
        }
    }

    /** The web/ folder of this checkout, with Node present (else the test is skipped). */
    public static Path web() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            version.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            Assumptions.abort("node is not installed, so the form's scripts cannot run here (CI installs it: .ci/run)");
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("web/form/build.mjs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("web/form/build.mjs not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("web");
    }

    /** web/, with the locked packages installed. */
    public static Path webWithPackages() throws Exception {
        Path web = web();
        // The same marker .ci/run keeps: node_modules installed from this very lock file. A lock
        // changed by a pull (a new devDependency) reinstalls, instead of failing on a missing package.
        String lock = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(web.resolve("package-lock.json"))));
        Path marker = web.resolve("node_modules/.gawahi-lock.sha256");
        String installed = Files.isRegularFile(marker) ? Files.readString(marker).strip() : "";
        if (!installed.equals(lock)) {
            Run npm = run(web, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), "");
            if (npm.status() != 0) {
                fail("`npm ci` in " + web + " failed; run it by hand to see why:\n" + npm.out() + npm.errors());
            }
            Files.writeString(marker, lock + "\n");
        }
        return web;
    }

    /** Runs {@code node script args...} in web/, with {@code input} on its standard input. */
    public static Run node(Path web, String script, List<String> args, String input) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", web.resolve(script).toString()));
        command.addAll(args);
        return run(web, command, input);
    }

    /** Runs {@code node --test files...} in web/. */
    public static Run nodeTest(Path web, List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "--test"));
        command.addAll(files);
        return run(web, command, "");
    }

    private static Run run(Path dir, List<String> command, String input) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        // stderr read on its own thread: a chatty script must not fill one pipe while we wait on the other
        var errors = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(stderr unreadable)";
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("node finished").isTrue();
        return new Run(p.exitValue(), out, errors.get());
    }
}
