package org.gawahi.storage.crypto;

/** The kinds of passphrase-wrapped key file, with their names on disk and in messages. */
enum KeyKind {
    COLLECTIVE("collective", "x25519", "collective key"),
    SIGNING("signing", "ed25519", "signing key");

    final String prefix;
    final String algorithm;
    final String description;

    KeyKind(String prefix, String algorithm, String description) {
        this.prefix = prefix;
        this.algorithm = algorithm;
        this.description = description;
    }

    String fileName(String keyId) {
        return prefix + "-" + keyId + ".key";
    }

    static KeyKind fromPrefix(String prefix) {
        for (KeyKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        return null;
    }
}
