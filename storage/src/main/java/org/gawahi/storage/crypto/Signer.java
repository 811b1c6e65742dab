package org.gawahi.storage.crypto;

import java.util.Objects;
import org.gawahi.config.secret.SecretBytes;

/**
 * Signs reports with the collective's Ed25519 signing key, so a forged report is caught
 * by anyone holding the public key. Thread-safe; {@link #close()} wipes the private key.
 */
public final class Signer implements AutoCloseable {
    private final String keyId;
    private final SecretBytes privateKey;
    private final byte[] publicKey;
    private volatile boolean closed;

    /** Takes ownership of {@code privateKey}: it is wiped on {@link #close()}. */
    Signer(String keyId, SecretBytes privateKey, byte[] publicKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = publicKey.clone();
    }

    public String keyId() {
        return keyId;
    }

    /** The 32-byte Ed25519 public key, to print beside a report or publish. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** A 64-byte Ed25519 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (closed) {
            throw new IllegalStateException("this signer was closed");
        }
        byte[] raw = privateKey.bytes();
        try {
            return Ed25519.sign(raw, data);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code data} by {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
        return Ed25519.verify(publicKey, data, signature);
    }

    @Override
    public void close() {
        closed = true;
        privateKey.wipe();
    }

    @Override
    public String toString() {
        return "Signer[" + keyId + "]";
    }
}
