package org.gawahi.bot.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.gawahi.storage.crypto.Argon2Profile;

/**
 * How hard new key files make guessing the passphrase. Always DEFAULT unless
 * {@code GAWAHI_ARGON2_PROFILE} says otherwise: MODERATE for small machines, TEST only for the
 * test suite (it protects the passphrase hardly at all, so it is announced loudly).
 */
final class Argon2Choice {
    static final String VARIABLE = "GAWAHI_ARGON2_PROFILE";

    private Argon2Choice() {
    }

    static Argon2Profile from(CliEnvironment env, PrintStream err) {
        String name = env.variable(VARIABLE).orElse("DEFAULT").toUpperCase(Locale.ROOT);
        Argon2Profile profile;
        try {
            profile = Argon2Profile.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(VARIABLE + " is '" + name + "', which is not a profile. Unset it "
                    + "(the default is right for a server), or set it to MODERATE on a machine with little memory.");
        }
        if (profile == Argon2Profile.TEST) {
            err.println("WARNING: " + VARIABLE + "=TEST makes the passphrase almost worthless. Tests only: never for real keys.");
        }
        return profile;
    }
}
