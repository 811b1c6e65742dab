package org.gawahi.storage.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the modification and access times of the database and its {@code -wal} and
 * {@code -shm} files to the start of the current hour, after each checkpoint: the file times
 * would otherwise say to the nanosecond when the last testimony came, or when she pressed
 * "Stop &amp; delete". The inode's change time (ctime) cannot be set by a process and still
 * tells when a file last changed (SECURITY.md, Known limits).
 *
 * <p>Done by {@code touch} in a process of its own, not by {@code Files.setLastModifiedTime}:
 * the JDK opens the file to set its times, and closing any descriptor of a file drops every
 * POSIX lock this process holds on it, SQLite's included (the WAL then stopped being emptied).
 */
final class HourlyFileTimes {
    private static final Logger log = LoggerFactory.getLogger(HourlyFileTimes.class);
    private static final long WAIT_SECONDS = 5;

    private HourlyFileTimes() {
    }

    /** Best effort: a time that cannot be set is logged (no path, no time), never thrown. */
    static void set(Path databaseFile, Clock clock) {
        long hour = clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        List<String> command = new ArrayList<>(List.of("touch", "-c", "-d", "@" + hour));
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = databaseFile.resolveSibling(databaseFile.getFileName() + suffix);
            if (Files.exists(file)) {
                command.add(file.toAbsolutePath().toString());
            }
        }
        try {
            Process touch = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!touch.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                touch.destroyForcibly();
                log.warn("setting the database files' times to the hour took too long; left as they are");
            } else if (touch.exitValue() != 0) {
                log.warn("could not set the database files' times to the hour (touch exited {})", touch.exitValue());
            }
        } catch (IOException e) {
            log.warn("could not set the database files' times to the hour ({})", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
