package org.gawahi.storage.crypto;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key file is missing, unreadable, truncated or damaged. The message names the file and
 * says what to do; it never contains key material.
 */
public final class KeyFileException extends VaultException {
    private final transient Path file;

    KeyFileException(Path file, String message) {
        super(message);
        this.file = Objects.requireNonNull(file, "file");
    }

    KeyFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    static KeyFileException damaged(Path file, String what) {
        return new KeyFileException(file, what + " file " + file
                + " is truncated or damaged; restore it from your backup");
    }

    static KeyFileException missing(Path file, String what) {
        return new KeyFileException(file, what + " file " + file
                + " is missing; run `keys init` on a new server, or restore it from your backup");
    }

    static KeyFileException none(Path keysDir, String what) {
        String create = what.startsWith("signing") ? "create a signing key" : "run `keys init` on a new server";
        return new KeyFileException(keysDir, "no " + what + " in " + keysDir
                + "; " + create + ", or restore the keys from your backup");
    }

    static KeyFileException unreadable(Path file, String what, Exception cause) {
        // The cause's class names the I/O problem (permissions, no space); its message
        // is the JDK's and holds only the path.
        return new KeyFileException(file, "cannot read or write " + what + " file " + file
                + " (" + cause.getClass().getSimpleName() + ")", cause);
    }

    /** The file (or directory) that is at fault. */
    public Path file() {
        return file;
    }
}
