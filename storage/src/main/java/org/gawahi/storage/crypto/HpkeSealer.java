package org.gawahi.storage.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.gawahi.config.secret.SecretBytes;

/** Seals to one public key; see {@link SealedRecord} for the layout. */
final class HpkeSealer implements Sealer {
    private final String keyId;
    private final byte[] publicKey;
    private final SecureRandom random;

    HpkeSealer(String keyId, byte[] publicKey, SecureRandom random) {
        if (!KeyIds.isValid(keyId)) {
            throw new IllegalArgumentException("malformed key id");
        }
        if (publicKey.length != Hpke.KEY_BYTES) {
            throw new IllegalArgumentException("an X25519 public key has 32 bytes");
        }
        this.keyId = keyId;
        this.publicKey = publicKey.clone();
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String keyId() {
        return keyId;
    }

    /** The public key sealed to (a copy): for its fingerprint. */
    byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] seal(SecretBytes plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        requireAssociatedData(associatedData);
        byte[] header = SealedRecord.header(keyId);
        byte[] raw = plaintext.bytes();
        byte[] padded = Padding.pad(raw);
        try {
            byte[][] encAndCiphertext = Hpke.seal(publicKey, Bytes.concat(header, associatedData), padded, random);
            return SealedRecord.assemble(header, encAndCiphertext[0], encAndCiphertext[1]);
        } finally {
            Bytes.wipe(raw, padded);
        }
    }

    static void requireAssociatedData(byte[] associatedData) {
        Objects.requireNonNull(associatedData, "associatedData");
        if (associatedData.length == 0) {
            throw new IllegalArgumentException("associated data must bind the record to its row; it is empty");
        }
    }
}
