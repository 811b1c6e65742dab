package org.gawahi.storage.crypto;

import java.nio.file.Path;

/** {@code keys init} found keys already in place and refused to overwrite them. */
public final class KeysExistException extends VaultException {
    KeysExistException(Path keysDir) {
        super("keys already exist in " + keysDir
                + "; refusing to overwrite them (use `keys rotate` to make a new collective key)");
    }
}
