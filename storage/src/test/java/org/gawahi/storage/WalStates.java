package org.gawahi.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an adversary does with a copied data directory: rebuilds every committed state its
 * WAL holds. SQLite's WAL is a 32-byte header (page size at offset 8, salts at 16 and 20)
 * then frames of a 24-byte header (page number, then a commit field that is non-zero on the
 * last frame of a commit, then the two salts) and one page. Cutting the WAL right after each
 * commit frame and opening the result gives the database as it was at that commit; the
 * state with no WAL at all is the main file alone. Frames whose salts differ from the
 * header's are left-overs of an earlier WAL generation, which SQLite ignores too.
 */
public final class WalStates {
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private WalStates() {
    }

    /** Byte lengths of the WAL file that end right after a commit frame, in order. */
    public static List<Long> commitCuts(Path wal) throws IOException {
        List<Long> cuts = new ArrayList<>();
        if (!Files.exists(wal) || Files.size(wal) < WAL_HEADER) {
            return cuts;
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(wal));
        int pageSize = bytes.getInt(8);
        int salt1 = bytes.getInt(16);
        int salt2 = bytes.getInt(20);
        long frame = FRAME_HEADER + (long) pageSize;
        for (long at = WAL_HEADER; at + frame <= bytes.capacity(); at += frame) {
            int position = (int) at;
            if (bytes.getInt(position + 8) != salt1 || bytes.getInt(position + 12) != salt2) {
                break;
            }
            if (bytes.getInt(position + 4) != 0) {
                cuts.add(at + frame);
            }
        }
        return cuts;
    }

    /**
     * Every committed state of a copied data directory, each rebuilt into its own directory
     * under {@code work} (keys included, no {@code -shm}): first the main file alone, then the
     * main file with the WAL cut after each commit frame.
     */
    public static List<Path> rebuild(Path copy, Path work) throws IOException {
        Path wal = copy.resolve("gawahi.db-wal");
        List<Path> states = new ArrayList<>();
        states.add(state(copy, work.resolve("state-0"), -1));
        int n = 1;
        for (long cut : commitCuts(wal)) {
            states.add(state(copy, work.resolve("state-" + n++), cut));
        }
        return states;
    }

    private static Path state(Path copy, Path target, long walLength) throws IOException {
        copyTree(copy, target);
        Files.deleteIfExists(target.resolve("gawahi.db-shm"));
        Path wal = target.resolve("gawahi.db-wal");
        if (walLength < 0) {
            Files.deleteIfExists(wal);
        } else {
            try (var channel = java.nio.channels.FileChannel.open(wal, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(walLength);
            }
        }
        return target;
    }

    /** Copies a directory tree as it is now (files that vanish meanwhile are skipped). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(p, target);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a file deleted while copying was not there to seize either
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
