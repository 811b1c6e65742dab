package org.gawahi.storage.crypto;

import org.gawahi.config.secret.SecretBytes;

/**
 * Opens records sealed by a {@link Sealer} with any of the collective's unlocked private
 * keys, chosen by the key id written in the record (so records sealed before a rotation
 * still open). Implementations are thread-safe. {@link #close()} wipes the private keys
 * this opener holds; it cannot open anything afterwards.
 */
public interface Opener extends AutoCloseable {
    /**
     * Opens {@code sealed} if it was sealed with exactly this {@code associatedData} to a
     * key this opener holds. Every other outcome, whatever the damage, is a
     * {@link CannotOpenException}. The caller should wipe the result when done.
     */
    SecretBytes open(byte[] sealed, byte[] associatedData) throws CannotOpenException;

    /**
     * An HMAC-SHA256 of {@code fields} (each length-prefixed, a null distinct from an empty
     * string) under a key derived, for {@code label}, from the private key {@code keyId}.
     * Only someone holding that private key unlocked can compute it: the disk, with every
     * public key and key file but no passphrase, cannot. Used to bind a moderator's decision
     * to its row.
     *
     * @throws CannotOpenException when {@code keyId} is not a key this opener holds
     */
    byte[] authenticate(String keyId, String label, java.util.List<String> fields) throws CannotOpenException;

    /** Whether {@code mac} is {@link #authenticate}'s answer, compared in constant time; false for a key not held. */
    default boolean verifies(String keyId, String label, java.util.List<String> fields, byte[] mac) {
        if (mac == null || keyId == null) {
            return false;
        }
        try {
            return java.security.MessageDigest.isEqual(authenticate(keyId, label, fields), mac);
        } catch (CannotOpenException e) {
            return false;
        }
    }

    @Override
    void close();
}
