package org.gawahi.bot.cli;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a directory unwritable for the duration of a test, as a read-only disk would be:
 * by its mode, or, for root (whom modes do not stop), by the immutable attribute. Skips the
 * test where neither works.
 */
final class ReadOnly implements AutoCloseable {
    private final Path dir;
    private final boolean immutable;

    private ReadOnly(Path dir, boolean immutable) {
        this.dir = dir;
        this.immutable = immutable;
    }

    static ReadOnly make(Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        if (!writable(dir)) {
            return new ReadOnly(dir, false);
        }
        boolean immutable = chattr("+i", dir);
        ReadOnly readOnly = new ReadOnly(dir, immutable);
        if (!immutable || writable(dir)) {
            readOnly.close();
            assumeThat(false).as("cannot make a directory read-only here").isTrue();
        }
        return readOnly;
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean chattr(String flag, Path dir) {
        try {
            Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (immutable) {
            chattr("-i", dir);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
}
