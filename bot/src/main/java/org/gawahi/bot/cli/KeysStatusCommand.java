package org.gawahi.bot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawahi.config.settings.KeyFingerprint;
import org.gawahi.config.settings.SettingsException;
import org.gawahi.config.settings.SettingsLoader;
import org.gawahi.storage.crypto.KeyFileException;
import org.gawahi.storage.crypto.KeyInfo;
import org.gawahi.storage.crypto.KeyState;
import org.gawahi.storage.crypto.Keys;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the keys on disk, their fingerprints, and whether the bot can take testimonies",
                "(no passphrase needed). With GAWAHI_KEY_FINGERPRINT set, checks the pinned key too."})
final class KeysStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = GawahiCommand.environment(spec);
        PrintStream out = env.out();
        Path dir = DataDirectory.requireExisting(env);
        Optional<KeyFingerprint> pin = pin(env);
        Keys keys = new Keys(dir, new SecureRandom(), Clock.systemUTC());
        KeyState state = keys.state();
        out.println("keys directory: " + dir.resolve("keys"));
        out.println("state:          " + describe(state.readiness()));
        for (KeyInfo key : state.collectiveKeys()) {
            out.println("collective key: " + key.keyId() + "  " + key.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ", generation " + key.generation() + ", created " + key.created());
            out.println("  fingerprint:  " + key.fingerprint().grouped() + (pin.filter(key.fingerprint()::equals)
                    .isPresent() ? "  (pinned)" : "") + (key.legacyId() ? "  (" + legacy(key) + ")" : ""));
        }
        out.println("server secret:  " + (state.serverSecretPresent() ? "present" : "MISSING"));
        if (state.readiness() != KeyState.Readiness.INTAKE_ONLY) {
            return 2;
        }
        Optional<String> refused = intakeRefusal(keys, pin);
        out.println("intake:         " + refused.map(r -> "REFUSED: " + r).orElse(intake(state, pin)));
        return refused.isPresent() ? 2 : 0;
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

    /** The pin from GAWAHI_KEY_FINGERPRINT, if set; a mistyped one is refused, never ignored. */
    static Optional<KeyFingerprint> pin(CliEnvironment env) {
        Map<String, String> variables = env.variable(SettingsLoader.KEY_FINGERPRINT)
                .map(v -> Map.of(SettingsLoader.KEY_FINGERPRINT, v)).orElse(Map.of());
        try {
            return SettingsLoader.keyFingerprint(variables);
        } catch (SettingsException e) {
            throw new UserFacingException(String.join("; ", e.problems()), e);
        }
    }

    /** Why the bot, started intake-only with this pin, would refuse to take testimonies; empty if it would take them. */
    static Optional<String> intakeRefusal(Keys keys, Optional<KeyFingerprint> pin) {
        try {
            keys.intakeSealer(pin, Optional.empty());
            return Optional.empty();
        } catch (KeyFileException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** What intake does when {@link #intakeRefusal} found nothing: seal to the one or pinned newest key. */
    static String intake(KeyState state, Optional<KeyFingerprint> pin) {
        String to = "testimonies are sealed to the key " + state.collectiveKeys().get(0).fingerprint().grouped();
        return pin.isPresent() ? to + ", pinned by " + SettingsLoader.KEY_FINGERPRINT
                : to + "; not pinned: once you have compared it with the fingerprint `keys init` or `keys rotate` "
                + "printed, set " + SettingsLoader.KEY_FINGERPRINT + " to it, so the bot refuses any other key";
    }

    static String legacy(KeyInfo key) {
        return "legacy id: random, not its fingerprint; pin it with " + SettingsLoader.KEY_FINGERPRINT
                + ", or run `gawahi keys rotate` for a key whose id is its fingerprint";
    }
}
