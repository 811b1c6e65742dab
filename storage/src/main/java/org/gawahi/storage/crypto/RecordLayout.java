package org.gawahi.storage.crypto;

/**
 * Checks a sealed record made elsewhere (the form's page seals in her browser) before it is
 * stored: that it has exactly the layout this sealer's records have, so that on disk it is one
 * more record like the others and the opener will not stumble on it. Says nothing about whether
 * it opens: that needs the private key, which the server may not hold.
 */
public final class RecordLayout {
    private RecordLayout() {
    }

    /**
     * Whether {@code sealed} is a version-1 record for {@code keyId}: the header names that key,
     * the encapsulated key is {@value SealedRecord#ENC_BYTES} bytes, and the ciphertext is a whole
     * number (at least one) of {@value Padding#STEP}-byte padding steps plus the GCM tag.
     */
    public static boolean isSealedTo(byte[] sealed, String keyId) {
        if (sealed == null || keyId == null) {
            return false;
        }
        SealedRecord record;
        try {
            record = SealedRecord.parse(sealed);
        } catch (CannotOpenException e) {
            return false;
        }
        int padded = record.ciphertext.length - Gcm.TAG_BYTES;
        return record.keyId.equals(keyId) && padded >= Padding.STEP && padded % Padding.STEP == 0
                && java.util.Arrays.equals(record.header, SealedRecord.header(keyId));
    }
}
