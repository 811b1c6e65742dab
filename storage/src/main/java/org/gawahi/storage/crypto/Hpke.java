package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * HPKE (RFC 9180) base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM,
 * on Bouncy Castle's {@code HPKE}.
 *
 * <p>We call {@code setupBaseS} with an ephemeral key pair drawn from the injected
 * {@link SecureRandom} rather than {@code HPKE.seal}, which would draw its own randomness
 * and returns {@code [ciphertext, enc]} in the reverse of the RFC's order. A new
 * {@code HPKE} object is made per operation because its KEM keeps mutable agreement state
 * and is not safe to share between threads; making one is cheap.
 */
final class Hpke {
    static final int KEY_BYTES = 32;
    /** HPKE "info": binds every record to this application and format. */
    private static final byte[] INFO = "gawahi sealed testimony v1".getBytes(StandardCharsets.US_ASCII);

    private Hpke() {
    }

    private static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    /** A fresh X25519 private key, 32 bytes; the caller owns and wipes it. */
    static byte[] generatePrivateKey(SecureRandom random) {
        return new X25519PrivateKeyParameters(random).getEncoded();
    }

    static byte[] publicKeyOf(byte[] privateKey) {
        return new X25519PrivateKeyParameters(privateKey).generatePublicKey().getEncoded();
    }

    /** Returns {enc, ciphertext} in the RFC's order. */
    static byte[][] seal(byte[] publicKey, byte[] associatedData, byte[] plaintext, SecureRandom random) {
        X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(random);
        AsymmetricCipherKeyPair ephemeralPair = new AsymmetricCipherKeyPair(ephemeral.generatePublicKey(), ephemeral);
        HPKEContextWithEncapsulation context =
                suite().setupBaseS(new X25519PublicKeyParameters(publicKey), INFO, ephemeralPair);
        try {
            return new byte[][] {context.getEncapsulation(), context.seal(associatedData, plaintext)};
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE sealing failed", e);
        }
    }

    /**
     * Opens one record. Bouncy Castle reports a bad record with several exception types
     * (InvalidCipherTextException for a bad tag, IllegalStateException for a low-order
     * point, IllegalArgumentException or an index exception for bad lengths); the record
     * is untrusted input, so every one of them is the same answer: it does not open.
     */
    static byte[] open(byte[] privateKey, byte[] publicKey, byte[] enc, byte[] associatedData, byte[] ciphertext)
            throws CannotOpenException {
        try {
            AsymmetricCipherKeyPair recipient = new AsymmetricCipherKeyPair(
                    new X25519PublicKeyParameters(publicKey), new X25519PrivateKeyParameters(privateKey));
            HPKEContext context = suite().setupBaseR(enc, recipient, INFO);
            return context.open(associatedData, ciphertext);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CannotOpenException("sealed record does not open (damaged, or other associated data)");
        }
    }
}
