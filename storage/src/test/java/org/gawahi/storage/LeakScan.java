package org.gawahi.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every byte of some files and looks for values that must never be there: text in
 * UTF-8 and UTF-16 (both byte orders); chat ids as decimal text, as 8-byte big- and
 * little-endian integers, as SQLite stores an INTEGER column (big-endian in the fewest of 1,
 * 2, 3, 4, 6 or 8 bytes) and as a big-endian double. Findings name the
 * value's label, the file and the offset, never the value itself.
 */
public final class LeakScan {
    private final Map<String, byte[]> needles = new LinkedHashMap<>();

    public LeakScan text(String label, String value) {
        needles.put(label + " (UTF-8)", value.getBytes(StandardCharsets.UTF_8));
        needles.put(label + " (UTF-16LE)", value.getBytes(StandardCharsets.UTF_16LE));
        needles.put(label + " (UTF-16BE)", value.getBytes(StandardCharsets.UTF_16BE));
        return this;
    }

    /** Bytes exactly as given (a key, a token's raw bytes). */
    public LeakScan bytes(String label, byte[] value) {
        needles.put(label, value.clone());
        return this;
    }

    /** A Telegram chat's id, in every way {@link #chatId(String, long)} looks for it. */
    public LeakScan chat(String label, org.gawahi.storage.drafts.ChatRef chat) {
        return chatId(label, org.gawahi.storage.conversation.TelegramIds.id(chat.conversation()));
    }

    public LeakScan chatId(String label, long id) {
        text(label + " as decimal", Long.toString(id));
        needles.put(label + " (8 bytes, big-endian)", ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(id).array());
        needles.put(label + " (8 bytes, little-endian)", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(id).array());
        byte[] bigEndian = ByteBuffer.allocate(8).putLong(id).array();
        int size = sqliteIntegerSize(id);
        needles.put(label + " (SQLite INTEGER, " + size + " bytes)", java.util.Arrays.copyOfRange(bigEndian, 8 - size, 8));
        needles.put(label + " (double, big-endian)", ByteBuffer.allocate(8).putDouble(id).array());
        return this;
    }

    /** The size of SQLite's record serial type for an integer (file format, "Record Format"). */
    static int sqliteIntegerSize(long v) {
        for (int size : new int[] {1, 2, 3, 4, 6}) {
            long limit = 1L << (8 * size - 1);
            if (v >= -limit && v < limit) {
                return size;
            }
        }
        return 8;
    }

    public int needleCount() {
        return needles.size();
    }

    /** One line per value found in a file: empty means nothing leaked. */
    public List<String> findIn(List<Path> files) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            byte[] content = read(file);
            needles.forEach((label, needle) -> {
                int at = indexOf(content, needle);
                if (at >= 0) {
                    found.add(label + " in " + file.getFileName() + " at byte " + at);
                }
            });
        }
        return found;
    }

    /** Every regular file under a directory, at any depth. */
    public static List<Path> filesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
