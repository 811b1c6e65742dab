package org.gawahi.storage.crypto;

/**
 * The passphrase does not open a key file that is otherwise intact (its checksum is right),
 * so the likeliest cause is a mistyped passphrase, not a damaged file.
 */
public final class WrongPassphraseException extends VaultException {
    WrongPassphraseException(String what) {
        super("the passphrase does not open the " + what);
    }
}
