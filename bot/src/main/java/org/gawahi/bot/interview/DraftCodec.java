package org.gawahi.bot.interview;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawahi.config.secret.SecretBytes;

/**
 * Encodes a draft for the draft store, in the newest {@link DraftFormat}, and decodes it by
 * its first byte with the reader of that layout: a draft written by an earlier version is read
 * as it was written, so a conversation under way survives an upgrade that adds a field.
 *
 * <p>Written by hand, field by field ({@link DraftFields}), rather than by Jackson, for speed
 * alone: the draft is decoded and encoded at every update, and Jackson's data binding, shared with
 * the Telegram client's, cost a tenth of the engine's time and, the two uses pulling its compiled
 * code different ways, many recompilations after a start (docs/PERFORMANCE.md, "Under load").
 * Safe to share between the threads of a parallel batch: it holds nothing that changes.
 */
final class DraftCodec {
    private final Map<Byte, DraftFormat> readers;
    private final DraftFormat newest;

    DraftCodec() {
        this(DraftFormats.released());
    }

    /** @param formats every layout to read, oldest first; the last is written */
    DraftCodec(List<DraftFormat> formats) {
        Map<Byte, DraftFormat> byTag = new HashMap<>();
        for (DraftFormat format : formats) {
            if (byTag.put(format.tag(), format) != null) {
                throw new IllegalArgumentException("two draft formats with the byte " + format.tag());
            }
        }
        this.readers = Map.copyOf(byTag);
        this.newest = formats.get(formats.size() - 1);
    }

    /** What a stored draft turned out to be. */
    sealed interface Decoded {
        /** A draft, read with the layout its first byte names. */
        record Read(Draft draft) implements Decoded {
        }

        /** A layout this version does not know (a newer release wrote it): set aside, never guessed at. */
        record UnknownFormat(int tag) implements Decoded {
        }

        /** A known layout, but not a whole draft in it. */
        record Damaged() implements Decoded {
        }
    }

    SecretBytes encode(Draft draft) {
        WipedBuffer buffer = new WipedBuffer();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            newest.write(draft, out);
            out.flush();
            return SecretBytes.adopt(buffer.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a draft", e);
        } finally {
            buffer.wipe();
        }
    }

    /** The draft, if these bytes are a whole one in a layout this version reads. */
    Optional<Draft> decode(SecretBytes bytes) {
        return read(bytes) instanceof Decoded.Read read ? Optional.of(read.draft()) : Optional.empty();
    }

    Decoded read(SecretBytes bytes) {
        byte[] raw = bytes.bytes();
        try {
            if (raw.length == 0) {
                return new Decoded.Damaged();
            }
            DraftFormat format = readers.get(raw[0]);
            if (format == null) {
                return new Decoded.UnknownFormat(raw[0] & 0xff);
            }
            return new Decoded.Read(format.read(raw));
        } catch (IOException | RuntimeException e) {
            return new Decoded.Damaged();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A buffer that can be wiped: the draft's bytes do not linger in its array for the collector. */
    private static final class WipedBuffer extends ByteArrayOutputStream {
        WipedBuffer() {
            super(1024);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
