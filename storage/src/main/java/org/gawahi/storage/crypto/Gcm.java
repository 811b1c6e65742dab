package org.gawahi.storage.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JDK (AES-NI; 20-40x faster than Bouncy Castle's software AES
 * here). The output is {@code nonce || ciphertext || tag}. A fresh random nonce is drawn
 * for every encryption, because a reused cipher object would happily reuse one.
 */
final class Gcm {
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private Gcm() {
    }

    static byte[] encrypt(byte[] key, byte[] plaintext, byte[] associatedData, SecureRandom random) {
        return encrypt(newCipher(), key, plaintext, associatedData, random);
    }

    /** As {@link #encrypt(byte[], byte[], byte[], SecureRandom)}, on a cipher object to reuse. */
    static byte[] encrypt(Cipher cipher, byte[] key, byte[] plaintext, byte[] associatedData, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            init(cipher, Cipher.ENCRYPT_MODE, key, nonce, 0);
            cipher.updateAAD(associatedData);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts {@code nonce || ciphertext || tag}; throws only if it does not authenticate. */
    static byte[] decrypt(byte[] key, byte[] sealed, byte[] associatedData) throws AEADBadTagException {
        return decrypt(newCipher(), key, sealed, associatedData);
    }

    /** As {@link #decrypt(byte[], byte[], byte[])}, on a cipher object to reuse. */
    static byte[] decrypt(Cipher cipher, byte[] key, byte[] sealed, byte[] associatedData) throws AEADBadTagException {
        if (sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new AEADBadTagException("too short");
        }
        try {
            init(cipher, Cipher.DECRYPT_MODE, key, sealed, 0);
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /**
     * A new AES-GCM cipher object. One may be reused for any number of encryptions and
     * decryptions, one at a time: each starts with a full {@code init} under its own key and
     * a fresh nonce, which also resets whatever a failed one left.
     */
    static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM", e);
        }
    }

    private static void init(Cipher cipher, int mode, byte[] key, byte[] nonce, int offset)
            throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        cipher.init(mode, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BYTES * 8, nonce, offset, NONCE_BYTES));
    }
}
