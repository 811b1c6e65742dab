package org.gawahi.storage.db;

/** Storage could not do what was asked. The message names the problem and the fix, never content. */
public final class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
