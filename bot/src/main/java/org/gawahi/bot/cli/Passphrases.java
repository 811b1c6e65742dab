package org.gawahi.bot.cli;

import java.util.Arrays;
import java.util.Optional;

import org.gawahi.config.secret.Secret;

/**
 * The passphrase that wraps the collective's private keys comes from {@code GAWAHI_PASSPHRASE}
 * or from the terminal, without echo; never from a command-line argument, which other users
 * of the machine can read in the process list and which stays in the shell's history.
 */
final class Passphrases {
    static final String VARIABLE = "GAWAHI_PASSPHRASE";
    static final int MIN_NEW_LENGTH = 12;

    private Passphrases() {
    }

    /** The passphrase of existing keys. */
    static Secret read(CliEnvironment env) {
        Optional<String> fromEnv = env.variable(VARIABLE);
        if (fromEnv.isPresent()) {
            return Secret.of(fromEnv.get());
        }
        return ask(env, "Passphrase: ");
    }

    /** A new passphrase, for {@code keys init}: typed twice when asked for. */
    static Secret readNew(CliEnvironment env) {
        Optional<String> fromEnv = env.variable(VARIABLE);
        Secret chosen;
        if (fromEnv.isPresent()) {
            chosen = Secret.of(fromEnv.get());
        } else {
            chosen = ask(env, "New passphrase (it protects every testimony; keep it safe): ");
            Secret again = ask(env, "The same passphrase again: ");
            if (!chosen.matches(again.reveal())) {
                throw new UserFacingException("The two passphrases differ. Nothing was created; run `gawahi keys init` again.");
            }
        }
        if (chosen.reveal().strip().length() < MIN_NEW_LENGTH) {
            throw new UserFacingException("The passphrase is too short: use at least " + MIN_NEW_LENGTH
                    + " characters (a few words you can remember are easiest). Nothing was created.");
        }
        return chosen;
    }

    private static Secret ask(CliEnvironment env, String prompt) {
        char[] typed = env.terminal().readPassword(prompt).orElseThrow(() -> new UserFacingException(
                "A passphrase is needed and there is no terminal to ask for it. Set " + VARIABLE
                        + " in the environment (never on the command line), or run this in a terminal."));
        try {
            if (typed.length == 0) {
                throw new UserFacingException("The passphrase is empty. Nothing was changed; run the command again.");
            }
            return Secret.of(new String(typed));
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
