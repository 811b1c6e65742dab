package org.gawahi.bot.interview;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.gawahi.config.secret.SecretBytes;

/**
 * Encodes a draft for the draft store; a draft that cannot be read is treated as none.
 *
 * <p>Written by hand, field by field, rather than by Jackson: the draft is decoded and encoded
 * at every update, and Jackson's data binding, shared with the Telegram client's, cost a
 * tenth of the engine's time and, the two uses pulling its compiled code different ways, many
 * recompilations after a start. Layout: a byte {@link #BINARY}, then each field in the order of
 * {@link Draft}; strings as a length and UTF-8 ({@code -1} for none), collections as a count
 * and their items. Drafts written as JSON by earlier versions (they begin with <code>{</code>)
 * are still read, so that a conversation under way survives an upgrade.
 */
final class DraftCodec {
    /** The first byte of a draft in this layout; a JSON draft begins with '{' (0x7B). */
    static final byte BINARY = 2;

    private final ObjectReader legacy;

    DraftCodec() {
        ObjectMapper json = new ObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.legacy = json.readerFor(Draft.class);
    }

    SecretBytes encode(Draft draft) {
        WipedBuffer buffer = new WipedBuffer();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(BINARY);
            out.writeInt(draft.format);
            string(out, draft.questionnaire);
            out.writeInt(draft.version);
            string(out, draft.language);
            string(out, draft.stage == null ? null : draft.stage.name());
            string(out, draft.current);
            out.writeInt(draft.answers.size());
            for (Map.Entry<String, List<String>> answer : draft.answers.entrySet()) {
                string(out, answer.getKey());
                strings(out, answer.getValue());
            }
            out.writeInt(draft.texts.size());
            for (Map.Entry<String, String> text : draft.texts.entrySet()) {
                string(out, text.getKey());
                string(out, text.getValue());
            }
            strings(out, draft.history);
            strings(out, draft.pending);
            out.writeBoolean(draft.pendingYear != null);
            out.writeInt(draft.pendingYear == null ? 0 : draft.pendingYear);
            out.writeBoolean(draft.editing);
            string(out, draft.returnStage == null ? null : draft.returnStage.name());
            out.flush();
            return SecretBytes.adopt(buffer.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a draft", e);
        } finally {
            buffer.wipe();
        }
    }

    Optional<Draft> decode(SecretBytes bytes) {
        byte[] raw = bytes.bytes();
        try {
            if (raw.length > 0 && raw[0] == '{') {
                return Optional.of(legacy.readValue(raw));
            }
            return Optional.of(binary(raw));
        } catch (IOException | RuntimeException e) {
            // Damaged, or written by a version that laid it out otherwise: as if there were none.
            return Optional.empty();
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static Draft binary(byte[] raw) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
        if (in.readByte() != BINARY) {
            throw new IOException("not a draft");
        }
        Draft d = new Draft();
        d.format = in.readInt();
        d.questionnaire = string(in);
        d.version = in.readInt();
        d.language = string(in);
        d.stage = stage(string(in));
        d.current = string(in);
        for (int n = count(in); n > 0; n--) {
            String question = required(in);
            d.answers.put(question, strings(in, new ArrayList<>()));
        }
        for (int n = count(in); n > 0; n--) {
            String question = required(in);
            d.texts.put(question, required(in));
        }
        d.history = strings(in, new ArrayList<>());
        d.pending = strings(in, new LinkedHashSet<>());
        boolean hasYear = in.readBoolean();
        int year = in.readInt();
        d.pendingYear = hasYear ? year : null;
        d.editing = in.readBoolean();
        d.returnStage = stage(string(in));
        if (in.read() != -1) {
            throw new IOException("bytes after the draft");
        }
        if (d.stage == null) {
            throw new IOException("a draft without a stage");
        }
        return d;
    }

    private static Draft.Stage stage(String name) {
        return name == null ? null : Draft.Stage.valueOf(name);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void strings(DataOutputStream out, Collection<String> items) throws IOException {
        out.writeInt(items.size());
        for (String item : items) {
            string(out, item);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("a length beyond the draft");
        }
        byte[] utf8 = in.readNBytes(length);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String required(DataInputStream in) throws IOException {
        String s = string(in);
        if (s == null) {
            throw new IOException("a missing string");
        }
        return s;
    }

    /** A count of items, each at least four bytes long: no more than the bytes left can hold. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) {
            throw new IOException("a count beyond the draft");
        }
        return n;
    }

    private static <C extends Collection<String>> C strings(DataInputStream in, C into) throws IOException {
        for (int n = count(in); n > 0; n--) {
            into.add(required(in));
        }
        return into;
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
