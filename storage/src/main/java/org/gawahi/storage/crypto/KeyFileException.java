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

    static KeyFileException notItsFingerprint(Path file, String what, String fingerprint) {
        return new KeyFileException(file, what + " file " + file + " holds a public key whose fingerprint ("
                + fingerprint + ") is not its id: the public key was replaced. Nothing is sealed to it; restore "
                + "the keys directory from your backup and find out who had the server");
    }

    static KeyFileException privateKeyMismatch(Path file, String what) {
        return new KeyFileException(file, what + " file " + file + " opens with the passphrase, but its private key "
                + "does not match the public key beside it: the public key was altered. Nothing is sealed to it; "
                + "restore the keys directory from your backup and find out who had the server");
    }

    static KeyFileException notWrappedByThePassphrase(Path file, String what, Path opened) {
        return new KeyFileException(file, what + " file " + file + " does not open with the passphrase that opens "
                + opened.getFileName() + ": it was not made by `gawahi keys init` or `keys rotate` with your "
                + "passphrase, so someone added or replaced it. Move it out of the keys directory (keep it as "
                + "evidence), then run `gawahi doctor`");
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
