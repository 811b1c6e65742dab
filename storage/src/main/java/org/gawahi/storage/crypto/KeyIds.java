package org.gawahi.storage.crypto;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Key ids: 8 random bytes as 16 lower-case hex digits; not secret, safe in file names. */
final class KeyIds {
    static final int BYTES = 8;
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{16}");

    private KeyIds() {
    }

    static String random(SecureRandom random) {
        byte[] id = new byte[BYTES];
        random.nextBytes(id);
        return Bytes.hex(id);
    }

    static boolean isValid(String keyId) {
        return keyId != null && VALID.matcher(keyId).matches();
    }
}
