package org.gawahi.storage.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * An exclusive, advisory lock on a data directory ({@code <data>/gawahi.lock}), held by a
 * process for as long as it must be the only one there. {@code keys rotate} takes it: a bot
 * still sealing to the old public key while the rotation deletes the old private key would
 * seal testimonies nobody can ever open. The bot takes it too, so the two refuse each other.
 * The operating system releases the lock when the process dies, so a crash never leaves the
 * directory locked.
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = "gawahi.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or says which directory is in use. */
    public static DataDirectoryLock acquire(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path file = dataDirectory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException("Cannot open the lock file " + file + " (" + e.getClass().getSimpleName()
                    + "). Check that the data directory exists and is writable.", e);
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked
            }
            throw new StorageException("Another Gawahi process (the bot, or another command) is using the data "
                    + "directory " + dataDirectory + ". Stop it, then run this command again.");
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StorageException("Cannot release the lock on the data directory ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
