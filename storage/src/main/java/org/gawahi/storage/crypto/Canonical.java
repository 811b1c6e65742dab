package org.gawahi.storage.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An unambiguous byte encoding of a list of fields: every variable-length field is
 * preceded by its length as 4 bytes big-endian. Used wherever several values are fed to
 * a MAC, a checksum or associated data, so that ("ab", "c") and ("a", "bc") never encode
 * alike.
 */
final class Canonical {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    Canonical bytes(byte[] value) {
        int32(value.length);
        out.writeBytes(value);
        return this;
    }

    Canonical string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    Canonical int32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    Canonical int64(long value) {
        return int32((int) (value >>> 32)).int32((int) value);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
