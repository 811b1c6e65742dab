package org.gawahi.storage.crypto;

/**
 * A sealed record or an encrypted draft did not open: it was damaged, truncated, swapped
 * for another row's, sealed to a key that is not unlocked, or presented with other
 * associated data. These causes are deliberately not told apart beyond a short reason,
 * because an attacker probing ciphertexts should learn nothing from the difference.
 */
public final class CannotOpenException extends VaultException {
    CannotOpenException(String message) {
        super(message);
    }
}
