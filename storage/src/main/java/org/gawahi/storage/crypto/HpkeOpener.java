package org.gawahi.storage.crypto;

import java.util.Map;
import java.util.Objects;
import org.gawahi.config.secret.SecretBytes;

/**
 * Opens with any of several unlocked X25519 private keys, chosen by the key id in the
 * record. The private keys are kept as {@link SecretBytes} and turned into Bouncy Castle
 * key objects only for the length of one open, so {@link #close()} can really wipe them.
 */
final class HpkeOpener implements Opener {
    /** One unlocked key: its private half (wiped on close) and its public half. */
    record UnlockedKey(SecretBytes privateKey, byte[] publicKey) {
    }

    private final Map<String, UnlockedKey> keys;
    private volatile boolean closed;

    /** Takes ownership of the private keys: they are wiped when this opener is closed. */
    HpkeOpener(Map<String, UnlockedKey> keys) {
        this.keys = Map.copyOf(Objects.requireNonNull(keys, "keys"));
    }

    @Override
    public SecretBytes open(byte[] sealed, byte[] associatedData) throws CannotOpenException {
        HpkeSealer.requireAssociatedData(associatedData);
        if (closed) {
            throw new IllegalStateException("this opener was closed");
        }
        SealedRecord record = SealedRecord.parse(sealed);
        UnlockedKey key = keys.get(record.keyId);
        if (key == null) {
            throw new CannotOpenException("sealed to key " + record.keyId + ", which is not unlocked");
        }
        byte[] privateKey = key.privateKey().bytes();
        byte[] padded = null;
        try {
            padded = Hpke.open(privateKey, key.publicKey(), record.enc,
                    Bytes.concat(record.header, associatedData), record.ciphertext);
            return SecretBytes.adopt(Padding.unpad(padded));
        } finally {
            Bytes.wipe(privateKey, padded);
        }
    }

    /** Whether this opener holds the private key of exactly this key id and public key. */
    boolean holds(String keyId, byte[] publicKey) {
        UnlockedKey key = keys.get(keyId);
        return key != null && !closed && java.security.MessageDigest.isEqual(key.publicKey(), publicKey);
    }

    @Override
    public void close() {
        closed = true;
        keys.values().forEach(k -> k.privateKey().wipe());
    }
}
