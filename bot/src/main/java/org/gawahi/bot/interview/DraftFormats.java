package org.gawahi.bot.interview;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** The draft layouts this version reads, oldest first; the last is the one it writes. */
final class DraftFormats {
    /** The first byte of the layout this version writes. */
    static final byte NEWEST = 3;

    private DraftFormats() {
    }

    static List<DraftFormat> released() {
        return List.of(new Json(), new Binary2(), new Binary3());
    }

    /**
     * JSON, written by the first versions; it begins with '{'. Unknown properties are ignored
     * (its "format" number among them), absent ones keep {@link Draft}'s defaults.
     */
    static final class Json implements DraftFormat {
        private final ObjectReader reader = new ObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readerFor(Draft.class);

        @Override
        public byte tag() {
            return '{';
        }

        @Override
        public Draft read(byte[] raw) throws IOException {
            Draft d = reader.readValue(raw);
            if (d.stage == null) {
                throw new IOException("a draft without a stage");
            }
            return d;
        }
    }

    /** Binary, by position, with a format number (always 1, never read) after the byte. */
    static final class Binary2 implements DraftFormat {
        @Override
        public byte tag() {
            return 2;
        }

        @Override
        public Draft read(byte[] raw) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
            DraftFields.tag(in, tag());
            in.readInt();
            return DraftFields.whole(DraftFields.read(in), in);
        }
    }

    /** Binary, by position: layout 2 without the unused format number. */
    static final class Binary3 implements DraftFormat {
        @Override
        public byte tag() {
            return NEWEST;
        }

        @Override
        public Draft read(byte[] raw) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
            DraftFields.tag(in, tag());
            return DraftFields.whole(DraftFields.read(in), in);
        }

        @Override
        public void write(Draft draft, DataOutputStream out) throws IOException {
            out.writeByte(tag());
            DraftFields.write(draft, out);
        }
    }
}
