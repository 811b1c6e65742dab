package org.gawahi.storage.crypto;

import java.util.Objects;

/**
 * What a sealed record is bound to: the kind of row, its id, its schema version and the
 * id of the key it is sealed to. A record sealed with one {@code AssociatedData} opens only
 * with an equal one, so a ciphertext copied into another row, or presented as another
 * kind or version, does not open.
 *
 * <p>{@link #bytes()} encodes the four fields length-prefixed, so no two different values
 * encode alike (a caller concatenating strings by hand could get that wrong).
 */
public record AssociatedData(String kind, String id, int version, String keyId) {
    private static final int ENCODING_VERSION = 1;

    public AssociatedData {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("associated data needs a kind");
        }
    }

    public static AssociatedData of(String kind, String id, int version, String keyId) {
        return new AssociatedData(kind, id, version, keyId);
    }

    /** The unambiguous encoding to pass to {@link Sealer#seal} and {@link Opener#open}. */
    public byte[] bytes() {
        return new Canonical()
                .int32(ENCODING_VERSION)
                .string(kind)
                .string(id)
                .int32(version)
                .string(keyId)
                .toByteArray();
    }
}
