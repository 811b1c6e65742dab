package org.gawahi.storage.crypto;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.gawahi.config.secret.Secret;
import org.gawahi.config.secret.SecretBytes;

/**
 * One key file's content: the public key in the clear, the private key wrapped by a
 * passphrase (Argon2id, then AES-256-GCM under a fresh random nonce), and the metadata
 * needed to unwrap it. The wrapping binds the format version, kind, algorithm, key id and
 * public key as associated data, so a wrapped private key moved into another file, or
 * paired with another public key, does not unwrap.
 *
 * <p>No raw secret in here: {@code wrapped} is ciphertext. The {@code generation} orders
 * keys (the highest is the active one) and is metadata, protected by the file checksum.
 */
record KeyFile(KeyKind kind, String keyId, int generation, Instant created, byte[] publicKey,
               Argon2Params kdf, byte[] salt, byte[] nonce, byte[] wrapped) {
    static final int FORMAT_VERSION = 1;
    static final String FORMAT = "gawahi-key";

    KeyFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(created, "created");
        if (!KeyIds.isValid(keyId)) {
            throw new IllegalArgumentException("malformed key id");
        }
    }

    static KeyFile wrap(KeyKind kind, String keyId, int generation, Instant created, byte[] publicKey,
                        SecretBytes privateKey, Secret passphrase, Argon2Params kdf, SecureRandom random) {
        byte[] salt = new byte[Argon2Params.SALT_BYTES];
        random.nextBytes(salt);
        byte[] wrappingKey = kdf.deriveKey(passphrase, salt);
        byte[] raw = privateKey.bytes();
        try {
            byte[] sealed = Gcm.encrypt(wrappingKey, raw, associatedData(kind, keyId, publicKey), random);
            byte[] nonce = java.util.Arrays.copyOf(sealed, Gcm.NONCE_BYTES);
            byte[] wrapped = java.util.Arrays.copyOfRange(sealed, Gcm.NONCE_BYTES, sealed.length);
            return new KeyFile(kind, keyId, generation, created, publicKey.clone(), kdf, salt, nonce, wrapped);
        } finally {
            Bytes.wipe(wrappingKey, raw);
        }
    }

    /** The fingerprint of the public key in this file (computed, never read from the file). */
    org.gawahi.config.settings.KeyFingerprint fingerprint() {
        return KeyIds.fingerprint(kind, publicKey);
    }

    /** Whether the id is a random one from before ids were fingerprints (so it vouches for nothing). */
    boolean legacyId() {
        return !KeyIds.isFingerprint(keyId);
    }

    /**
     * Unwraps the private key with the stored Argon2 parameters. The file's checksum was
     * checked when it was read, so a failure here is the passphrase's.
     */
    SecretBytes unwrap(Secret passphrase) throws WrongPassphraseException {
        byte[] wrappingKey = kdf.deriveKey(passphrase, salt);
        try {
            return SecretBytes.adopt(Gcm.decrypt(wrappingKey, Bytes.concat(nonce, wrapped),
                    associatedData(kind, keyId, publicKey)));
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException(kind.description);
        } finally {
            Bytes.wipe(wrappingKey);
        }
    }

    private static byte[] associatedData(KeyKind kind, String keyId, byte[] publicKey) {
        return new Canonical()
                .string(FORMAT)
                .int32(FORMAT_VERSION)
                .string(kind.prefix)
                .string(kind.algorithm)
                .string(keyId)
                .bytes(publicKey)
                .toByteArray();
    }
}
