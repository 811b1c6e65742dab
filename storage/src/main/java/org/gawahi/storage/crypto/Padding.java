package org.gawahi.storage.crypto;

/**
 * Pads a plaintext to a multiple of 1 KiB so the length of a sealed record tells only
 * roughly how much was said: a 4-byte big-endian length, the plaintext, then zeros. The
 * length prefix makes the scheme unambiguous for any plaintext, including one that ends
 * in zeros.
 */
final class Padding {
    static final int STEP = 1024;
    private static final int LENGTH_BYTES = 4;

    private Padding() {
    }

    static int paddedLength(int plaintextLength) {
        long needed = (long) plaintextLength + LENGTH_BYTES;
        long padded = (needed + STEP - 1) / STEP * STEP;
        if (padded > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("plaintext too long to seal: " + plaintextLength + " bytes");
        }
        return (int) padded;
    }

    static byte[] pad(byte[] plaintext) {
        byte[] out = new byte[paddedLength(plaintext.length)];
        int n = plaintext.length;
        out[0] = (byte) (n >>> 24);
        out[1] = (byte) (n >>> 16);
        out[2] = (byte) (n >>> 8);
        out[3] = (byte) n;
        System.arraycopy(plaintext, 0, out, LENGTH_BYTES, n);
        return out;
    }

    /**
     * Strips the padding. The padded bytes were authenticated before this runs, so a bad
     * layout means a sealer bug or a forged record made with the public key; either way
     * the record does not open.
     */
    static byte[] unpad(byte[] padded) throws CannotOpenException {
        if (padded.length < LENGTH_BYTES || padded.length % STEP != 0) {
            throw new CannotOpenException("sealed record has a bad padding length");
        }
        int n = ((padded[0] & 0xff) << 24) | ((padded[1] & 0xff) << 16)
                | ((padded[2] & 0xff) << 8) | (padded[3] & 0xff);
        if (n < 0 || n > padded.length - LENGTH_BYTES) {
            throw new CannotOpenException("sealed record has a bad padding length");
        }
        int nonZero = 0;
        for (int i = LENGTH_BYTES + n; i < padded.length; i++) {
            nonZero |= padded[i];
        }
        if (nonZero != 0) {
            throw new CannotOpenException("sealed record has bad padding");
        }
        byte[] out = new byte[n];
        System.arraycopy(padded, LENGTH_BYTES, out, 0, n);
        return out;
    }
}
