package org.gawahi.storage.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the modification and access times of the database and its {@code -wal} and
 * {@code -shm} files to the start of the current hour, after each checkpoint: the file times
 * would otherwise say to the nanosecond when the last testimony came, or when she pressed
 * "Stop &amp; delete". The inode's change time (ctime) cannot be set by a process and still
 * tells when a file last changed (SECURITY.md, Known limits).
 */
final class HourlyFileTimes {
    private static final Logger log = LoggerFactory.getLogger(HourlyFileTimes.class);

    private HourlyFileTimes() {
    }

    /** Best effort: a file time that cannot be set is logged (no path, no time), never thrown. */
    static void set(Path databaseFile, Clock clock) {
        FileTime hour = FileTime.from(clock.instant().truncatedTo(ChronoUnit.HOURS));
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = databaseFile.resolveSibling(databaseFile.getFileName() + suffix);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(hour, hour, null);
            } catch (IOException e) {
                log.warn("could not set a database file's time to the hour ({})", e.getClass().getSimpleName());
            }
        }
    }
}
