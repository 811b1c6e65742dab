package org.gawahi.bot.wiring;

import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.secret.Secret;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.VaultException;

/**
 * Whether this run can read testimonies: unlocked (the passphrase was given at start, the
 * keys are open in memory) or intake-only (it seals, it cannot open). There is no way to
 * unlock later from a chat: restarting with the passphrase is the only way.
 */
final class KeyAccess implements AutoCloseable {
    static final String UNLOCKED = "unlocked";
    static final String INTAKE_ONLY = "intake-only";

    private final Optional<Opener> opener;

    private KeyAccess(Optional<Opener> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    static KeyAccess open(Keys keys, Optional<Secret> passphrase) throws VaultException {
        return new KeyAccess(passphrase.isPresent() ? Optional.of(keys.unlock(passphrase.get())) : Optional.empty());
    }

    Optional<Opener> opener() {
        return opener;
    }

    String state() {
        return opener.isPresent() ? UNLOCKED : INTAKE_ONLY;
    }

    @Override
    public void close() {
        opener.ifPresent(Opener::close);
    }

    @Override
    public String toString() {
        return "KeyAccess[" + state() + "]";
    }
}
