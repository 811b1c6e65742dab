package org.gawahi.bot.interview;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.gawahi.config.secret.SecretBytes;

/** Encodes a draft for the draft store; a draft that cannot be read is treated as none. */
final class DraftCodec {
    // Bound to Draft once: each call then skips the mapper's per-call lookups.
    private final ObjectReader reader;
    private final ObjectWriter writer;

    DraftCodec() {
        ObjectMapper json = new ObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.reader = json.readerFor(Draft.class);
        this.writer = json.writerFor(Draft.class);
    }

    SecretBytes encode(Draft draft) {
        try {
            return SecretBytes.adopt(writer.writeValueAsBytes(draft));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a draft", e);
        }
    }

    Optional<Draft> decode(SecretBytes bytes) {
        try {
            return Optional.of(reader.readValue(bytes.bytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
