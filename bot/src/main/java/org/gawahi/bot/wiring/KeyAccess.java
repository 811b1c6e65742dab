package org.gawahi.bot.wiring;

import java.util.Objects;
import java.util.Optional;

import org.gawahi.config.secret.Secret;
import org.gawahi.storage.crypto.KeyFileException;
import org.gawahi.storage.crypto.Keys;
import org.gawahi.storage.crypto.Opener;
import org.gawahi.storage.crypto.Signer;
import org.gawahi.storage.crypto.WrongPassphraseException;
import org.gawahi.storage.crypto.VaultException;

/**
 * Whether this run can read testimonies: unlocked (the passphrase was given at start, the
 * keys are open in memory) or intake-only (it seals, it cannot open). There is no way to
 * unlock later from a chat: restarting with the passphrase is the only way.
 */
final class KeyAccess implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KeyAccess.class);
    static final String UNLOCKED = "unlocked";
    static final String INTAKE_ONLY = "intake-only";

    private final Optional<Opener> opener;
    private final Optional<Signer> signer;

    private KeyAccess(Optional<Opener> opener, Optional<Signer> signer) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * Unlocks the collective key with the passphrase, when one was given, and the report
     * signing key with it when there is one (without it, reports in the chat say so).
     */
    static KeyAccess open(Keys keys, Optional<Secret> passphrase) throws VaultException {
        if (passphrase.isEmpty()) {
            return new KeyAccess(Optional.empty(), Optional.empty());
        }
        Opener opener = keys.unlock(passphrase.get());
        try {
            return new KeyAccess(Optional.of(opener), Optional.of(keys.signer(passphrase.get())));
        } catch (KeyFileException | WrongPassphraseException e) {
            // No signing key yet, or one wrapped by another passphrase: review still works, /report says so.
            log.warn("the report signing key is not unlocked ({}); reports in the chat are off",
                    e instanceof KeyFileException ? "none found" : "the passphrase does not open it");
            return new KeyAccess(Optional.of(opener), Optional.empty());
        } catch (RuntimeException e) {
            opener.close();
            throw e;
        }
    }

    Optional<Opener> opener() {
        return opener;
    }

    /** The report signing key, unlocked with the collective key; empty when intake-only or none exists. */
    Optional<Signer> signer() {
        return signer;
    }

    String state() {
        return opener.isPresent() ? UNLOCKED : INTAKE_ONLY;
    }

    @Override
    public void close() {
        signer.ifPresent(Signer::close);
        opener.ifPresent(Opener::close);
    }

    @Override
    public String toString() {
        return "KeyAccess[" + state() + "]";
    }
}
