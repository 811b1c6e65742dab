package org.gawahi.storage.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.gawahi.config.settings.KeyFingerprint;

/**
 * Key ids; not secret, safe in file names. A collective key made by this version has its
 * fingerprint as its id: the 30 digits of {@link #fingerprint}, so the id itself says which
 * public key belongs in the file and a swapped public key shows. Keys made before (and report
 * signing keys) have 8 random bytes as 16 lower-case hex digits: "legacy" ids, kept because
 * sealed records name their key by id; their fingerprint is computed, not stored.
 */
final class KeyIds {
    static final int BYTES = 8;
    /** The domain label of the fingerprint hash: no other hash in Gawahi starts with it. */
    static final String FINGERPRINT_LABEL = "gawahi-key-fingerprint";
    static final int FINGERPRINT_VERSION = 1;
    private static final Pattern LEGACY = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9]{" + KeyFingerprint.DIGITS + "}");

    private KeyIds() {
    }

    static String random(SecureRandom random) {
        byte[] id = new byte[BYTES];
        random.nextBytes(id);
        return Bytes.hex(id);
    }

    static boolean isValid(String keyId) {
        return keyId != null && (LEGACY.matcher(keyId).matches() || FINGERPRINT.matcher(keyId).matches());
    }

    /** Whether the id is a fingerprint (checked against the public key) rather than a random legacy id. */
    static boolean isFingerprint(String keyId) {
        return keyId != null && FINGERPRINT.matcher(keyId).matches();
    }

    /**
     * The fingerprint of a public key: SHA-256 over the {@link Canonical} encoding of the label
     * {@value #FINGERPRINT_LABEL}, the version 1, the kind ("collective"), the algorithm
     * ("x25519") and the 32 public key bytes; then, as Signal's safety numbers do, six chunks
     * of 5 bytes of the hash, each read as a big-endian number modulo 100000 and written as
     * 5 digits (about 100 bits in all).
     */
    static KeyFingerprint fingerprint(KeyKind kind, byte[] publicKey) {
        byte[] input = new Canonical().string(FINGERPRINT_LABEL).int32(FINGERPRINT_VERSION)
                .string(kind.prefix).string(kind.algorithm).bytes(publicKey).toByteArray();
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        StringBuilder digits = new StringBuilder(KeyFingerprint.DIGITS);
        for (int chunk = 0; chunk < KeyFingerprint.DIGITS / KeyFingerprint.GROUP; chunk++) {
            long value = 0;
            for (int i = 0; i < 5; i++) {
                value = (value << 8) | (hash[chunk * 5 + i] & 0xff);
            }
            digits.append(String.format(java.util.Locale.ROOT, "%05d", value % 100_000));
        }
        return new KeyFingerprint(digits.toString());
    }
}
