package org.gawahi.storage.crypto;

/**
 * Base of the vault's checked exceptions. Messages name what failed (a file, a key id)
 * and never carry key material, a passphrase or plaintext, so they may be logged; they
 * are still not meant to be shown to a respondent.
 */
public abstract class VaultException extends Exception {
    VaultException(String message) {
        super(message);
    }

    VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
