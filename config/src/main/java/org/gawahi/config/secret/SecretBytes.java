package org.gawahi.config.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Secret bytes: key material, or the plaintext of a draft or a testimony. Prints as
 * {@code [REDACTED]}; {@link #wipe()} overwrites the copy it holds once the caller is done.
 * The constructor copies its input and {@link #bytes()} hands out a copy, so a caller that
 * wipes its own array does not wipe ours and the reverse.
 */
public final class SecretBytes implements AutoCloseable {
    private final byte[] value;

    private SecretBytes(byte[] value) {
        this.value = value;
    }

    public static SecretBytes copyOf(byte[] value) {
        return new SecretBytes(Objects.requireNonNull(value, "value").clone());
    }

    public static SecretBytes utf8(String value) {
        return new SecretBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Takes the array without copying; the caller must not keep a reference to it. */
    public static SecretBytes adopt(byte[] value) {
        return new SecretBytes(Objects.requireNonNull(value, "value"));
    }

    public byte[] bytes() {
        return value.clone();
    }

    public String utf8String() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public int length() {
        return value.length;
    }

    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "[REDACTED " + value.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretBytes s && java.security.MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        return 0; // never a function of the secret
    }
}
