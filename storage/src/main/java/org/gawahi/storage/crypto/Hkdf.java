package org.gawahi.storage.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869) on the JDK's HMAC, which is several times faster than Bouncy
 * Castle's software HMAC here. Tested against RFC 5869's test vectors.
 */
final class Hkdf {
    static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        byte[] key = salt.length == 0 ? new byte[HASH_BYTES] : salt;
        return hmac(key, inputKeyMaterial);
    }

    static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
        return expand(hmacSha256(pseudoRandomKey), info, length);
    }

    /**
     * HKDF-Expand with a {@code Mac} already keyed with the pseudo-random key and not mid-use;
     * it is left ready for the next use.
     */
    static byte[] expand(Mac mac, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int done = 0;
        for (int counter = 1; done < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            Bytes.wipe(block);
            block = mac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        Bytes.wipe(block);
        return out;
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return hmacSha256(key).doFinal(data);
    }

    static Mac hmacSha256(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
