package org.gawahi.bot.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command reads from and writes to the world: environment variables, the working
 * directory, the standard streams and the terminal (for passphrases). Passed in rather than
 * read from {@link System}, so tests run commands in-process with their own values and
 * never touch the real environment.
 */
public final class CliEnvironment {

    /** Reads a line without echo; empty when there is no terminal to ask. */
    @FunctionalInterface
    public interface Terminal {
        Optional<char[]> readPassword(String prompt);
    }

    private final Map<String, String> variables;
    private final Path workingDirectory;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Terminal terminal;
    private final boolean interactive;

    /** Not interactive: no progress bars (what tests and pipes get). */
    public CliEnvironment(Map<String, String> variables, Path workingDirectory, InputStream in, PrintStream out,
                          PrintStream err, Terminal terminal) {
        this(variables, workingDirectory, in, out, err, terminal, false);
    }

    /** @param interactive a person watches the output on a terminal (not a log, not a pipe) */
    public CliEnvironment(Map<String, String> variables, Path workingDirectory, InputStream in, PrintStream out,
                          PrintStream err, Terminal terminal, boolean interactive) {
        this.interactive = interactive;
        this.variables = Map.copyOf(variables);
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath();
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** The real process: its environment, working directory, streams (UTF-8) and console. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(""), System.in,
                new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8),
                prompt -> System.console() == null ? Optional.empty()
                        : Optional.ofNullable(System.console().readPassword("%s", prompt)),
                System.console() != null);
    }

    /** A variable's value; an empty value counts as unset. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }

    /** The same world with one variable set (a command-line option standing for it). */
    public CliEnvironment withVariable(String name, String value) {
        Map<String, String> changed = new java.util.HashMap<>(variables);
        changed.put(name, value);
        return new CliEnvironment(changed, workingDirectory, in, out, err, terminal, interactive);
    }

    /** Every variable, for the settings loader. */
    public Map<String, String> variables() {
        return variables;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Whether output is watched on a terminal, so that redrawing a line in place makes sense. */
    public boolean interactive() {
        return interactive;
    }
}
