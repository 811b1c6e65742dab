package org.gawahi.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of a sealed testimony, version 1:
 * <pre>
 *   1 byte   format version (1)
 *   1 byte   key id length k
 *   k bytes  key id (ASCII hex)
 *   2 bytes  encapsulated key length e, big-endian (32 for X25519)
 *   e bytes  encapsulated key (HPKE "enc")
 *   rest     AES-256-GCM ciphertext of the padded plaintext, with its 16-byte tag
 * </pre>
 * The header (version, key id) is authenticated as the first part of the HPKE associated
 * data; it is self-delimiting, so header and caller data cannot run into each other.
 */
final class SealedRecord {
    static final byte VERSION = 1;
    static final int ENC_BYTES = 32;
    private static final int MIN_CIPHERTEXT = Padding.STEP + Gcm.TAG_BYTES;

    final String keyId;
    final byte[] header;
    final byte[] enc;
    final byte[] ciphertext;

    private SealedRecord(String keyId, byte[] header, byte[] enc, byte[] ciphertext) {
        this.keyId = keyId;
        this.header = header;
        this.enc = enc;
        this.ciphertext = ciphertext;
    }

    static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    static byte[] assemble(byte[] header, byte[] enc, byte[] ciphertext) {
        byte[] out = new byte[header.length + 2 + enc.length + ciphertext.length];
        int at = 0;
        System.arraycopy(header, 0, out, at, header.length);
        at += header.length;
        out[at++] = (byte) (enc.length >>> 8);
        out[at++] = (byte) enc.length;
        System.arraycopy(enc, 0, out, at, enc.length);
        at += enc.length;
        System.arraycopy(ciphertext, 0, out, at, ciphertext.length);
        return out;
    }

    /** Splits a record, checking every length before it is used. */
    static SealedRecord parse(byte[] sealed) throws CannotOpenException {
        if (sealed == null || sealed.length < 2) {
            throw new CannotOpenException("sealed record is truncated");
        }
        if (sealed[0] != VERSION) {
            throw new CannotOpenException("sealed record has an unknown format version");
        }
        int idLength = sealed[1] & 0xff;
        int encLengthAt = 2 + idLength;
        if (sealed.length < encLengthAt + 2) {
            throw new CannotOpenException("sealed record is truncated");
        }
        String keyId = new String(sealed, 2, idLength, StandardCharsets.US_ASCII);
        if (!KeyIds.isValid(keyId)) {
            throw new CannotOpenException("sealed record has a malformed key id");
        }
        int encLength = ((sealed[encLengthAt] & 0xff) << 8) | (sealed[encLengthAt + 1] & 0xff);
        if (encLength != ENC_BYTES) {
            throw new CannotOpenException("sealed record has a bad encapsulated key length");
        }
        int ciphertextAt = encLengthAt + 2 + encLength;
        if (sealed.length - ciphertextAt < MIN_CIPHERTEXT) {
            throw new CannotOpenException("sealed record is truncated");
        }
        return new SealedRecord(keyId,
                Arrays.copyOfRange(sealed, 0, encLengthAt),
                Arrays.copyOfRange(sealed, encLengthAt + 2, ciphertextAt),
                Arrays.copyOfRange(sealed, ciphertextAt, sealed.length));
    }
}
