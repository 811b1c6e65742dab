package org.gawahi.bot.interview;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawahi.config.secret.SecretBytes;

/** Encodes a draft for the draft store; a draft that cannot be read is treated as none. */
final class DraftCodec {
    private final ObjectMapper json = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    SecretBytes encode(Draft draft) {
        try {
            return SecretBytes.adopt(json.writeValueAsBytes(draft));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a draft", e);
        }
    }

    Optional<Draft> decode(SecretBytes bytes) {
        try {
            return Optional.of(json.readValue(bytes.bytes(), Draft.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
