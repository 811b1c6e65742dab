package org.gawahi.bot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.gawahi.storage.crypto.KeyInfo;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.Keys;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the keys on disk and whether the bot can take testimonies (no passphrase needed).")
final class KeysStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = GawahiCommand.environment(spec);
        PrintStream out = env.out();
        Path dir = DataDirectory.requireExisting(env);
        KeyState state = new Keys(dir, new SecureRandom(), Clock.systemUTC()).state();
        out.println("keys directory: " + dir.resolve("keys"));
        out.println("state:          " + describe(state.readiness()));
        for (KeyInfo key : state.collectiveKeys()) {
            out.println("collective key: " + key.keyId() + "  " + key.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ", generation " + key.generation() + ", created " + key.created());
        }
        out.println("server secret:  " + (state.serverSecretPresent() ? "present" : "MISSING"));
        return state.readiness() == KeyState.Readiness.INTAKE_ONLY ? 0 : 2;
    }

    static String describe(KeyState.Readiness readiness) {
        return switch (readiness) {
            case NO_KEYS -> "no keys yet: run `gawahi keys init`";
            case INCOMPLETE -> "INCOMPLETE: the collective key or the server secret is missing; restore the keys "
                    + "directory from your backup";
            case INTAKE_ONLY -> "ready: testimonies are sealed without the passphrase (intake-only); "
                    + "reading them needs it (unlocked)";
        };
    }
}
