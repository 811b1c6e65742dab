package org.gawahi.bot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.gawahi.config.secret.Secret;

/**
 * What the report commands read from the world: environment variables, the terminal for
 * the passphrase, stderr for progress, and the clock. Injected so tests run the commands
 * in-process with their own values.
 */
final class ReportEnvironment {
    static final String PASSPHRASE = "GAWAHI_PASSPHRASE";

    final Map<String, String> variables;
    final Function<String, Optional<char[]>> askPassword;
    final PrintStream err;
    final Clock clock;

    ReportEnvironment(Map<String, String> variables, Function<String, Optional<char[]>> askPassword, PrintStream err,
                      Clock clock) {
        this.variables = Map.copyOf(variables);
        this.askPassword = Objects.requireNonNull(askPassword, "askPassword");
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static ReportEnvironment system() {
        return new ReportEnvironment(System.getenv(),
                prompt -> System.console() == null ? Optional.empty()
                        : Optional.ofNullable(System.console().readPassword("%s", prompt)),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * The passphrase from {@code GAWAHI_PASSPHRASE} or the terminal, never from an argument
     * (other users can read arguments in the process list, and they stay in shell history).
     */
    Secret passphrase() {
        Optional<String> fromEnv = variable(PASSPHRASE);
        if (fromEnv.isPresent()) {
            return Secret.of(fromEnv.get());
        }
        char[] typed = askPassword.apply("Passphrase: ").orElseThrow(() -> new UserFacingException(
                "A report needs the unlocked keys, and there is no terminal to ask for the passphrase. Set "
                        + PASSPHRASE + " in the environment (never on the command line), or run this in a terminal."));
        try {
            if (typed.length == 0) {
                throw new UserFacingException("The passphrase is empty. Nothing was made; run the command again.");
            }
            return Secret.of(new String(typed));
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
