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

    @Override
    void close();
}
