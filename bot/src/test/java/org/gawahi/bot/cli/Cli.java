package org.gawahi.bot.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the real command line in this JVM with its own environment, working directory,
 * stdin, captured stdout and stderr, and a scripted terminal (no terminal unless
 * {@link #typing} is called). Key files use the cheap TEST Argon2 profile unless a test
 * says otherwise.
 */
final class Cli {
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path workingDirectory;
    private final Map<String, String> variables = new HashMap<>();
    private Deque<String> typed;
    private String stdin = "";

    Cli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        variables.put(Argon2Choice.VARIABLE, "TEST");
    }

    Cli env(String name, String value) {
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
        return this;
    }

    Cli dataDir(Path dir) {
        return env(DataDirectory.VARIABLE, dir.toString());
    }

    Cli passphrase(String passphrase) {
        return env(Passphrases.VARIABLE, passphrase);
    }

    /** A terminal on which these lines will be typed, one per prompt. */
    Cli typing(String... lines) {
        typed = new ArrayDeque<>(List.of(lines));
        return this;
    }

    Cli stdin(String text) {
        stdin = text;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment.Terminal terminal = prompt -> typed == null || typed.isEmpty()
                ? Optional.empty() : Optional.of(typed.pop().toCharArray());
        CliEnvironment env = new CliEnvironment(variables, workingDirectory,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal);
        int exitCode = GawahiCommand.commandLine(env).execute(args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
