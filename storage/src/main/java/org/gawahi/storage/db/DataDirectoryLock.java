package org.gawahi.storage.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * An exclusive, advisory lock on a data directory ({@code <data>/gawahi.lock}), held by a
 * process for as long as it must be the only one there. {@code keys rotate} takes it: a bot
 * still sealing to the old public key while the rotation deletes the old private key would
 * seal testimonies nobody can ever open. The bot takes it too, so the two refuse each other.
 * The operating system releases the lock when the process dies, so a crash never leaves the
 * directory locked. The file is its owner's only (0600), like every file of the data directory.
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = "gawahi.lock";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
            boolean posix = Files.getFileAttributeView(dataDirectory, PosixFileAttributeView.class) != null;
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly);
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // one made 0644 by an older Gawahi
            }
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
