package org.gawahi.storage.crypto;

import org.gawahi.config.secret.SecretBytes;

/**
 * Seals plaintext to the collective's active public key. Needs no passphrase, so an
 * intake-only server can seal what it cannot read back. Implementations are thread-safe.
 */
public interface Sealer {
    /** The id of the key this sealer seals to; bind it into the associated data. */
    String keyId();

    /**
     * Seals {@code plaintext} (padded to a multiple of 1 KiB, so similar lengths seal
     * alike) bound to {@code associatedData}, which must be non-empty and must be
     * presented again, byte for byte, to open the record. Does not wipe {@code plaintext}.
     */
    byte[] seal(SecretBytes plaintext, byte[] associatedData);
}
