package org.gawahi.bot.telegram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Reads updates from Telegram's JSON one at a time, so that one the library cannot map (a
 * {@code date} past 2038, an id past 2^31, a field of the wrong type) spoils only itself: its
 * {@code update_id} is read as a {@code long} from the raw JSON, the rest is mapped to the
 * library's {@code Update} without it, and what does not map becomes an
 * {@link IncomingUpdate#unreadable unreadable} update, acknowledged and skipped with one log
 * line that names neither its id nor its content.
 */
final class UpdateReader {
    private static final Logger log = LoggerFactory.getLogger(UpdateReader.class);
    static final String UPDATE_ID = "update_id";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Every element of a {@code getUpdates} result that has an update id; the others are left out. */
    List<IncomingUpdate> readAll(JsonNode result) {
        List<IncomingUpdate> updates = new ArrayList<>();
        if (result == null || !result.isArray()) {
            return updates;
        }
        for (JsonNode element : result) {
            read(element).ifPresent(updates::add);
        }
        return updates;
    }

    /** One update; empty when it has no update id to acknowledge (so nothing can be done with it). */
    Optional<IncomingUpdate> read(JsonNode element) {
        if (element == null || !element.isObject()) {
            log.warn("left out an update that is not a JSON object");
            return Optional.empty();
        }
        JsonNode id = element.get(UPDATE_ID);
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            log.warn("left out an update without a readable update_id");
            return Optional.empty();
        }
        ObjectNode content = ((ObjectNode) element).deepCopy();
        content.remove(UPDATE_ID);
        try {
            Update update = mapper.treeToValue(content, Update.class);
            return Optional.of(update == null ? IncomingUpdate.unreadable(id.longValue())
                    : IncomingUpdate.of(id.longValue(), update));
        } catch (IOException | RuntimeException e) {
            log.warn("skipping an update the Telegram library cannot read ({})", e.getClass().getSimpleName());
            return Optional.of(IncomingUpdate.unreadable(id.longValue()));
        }
    }

    ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    /** Parses a JSON document; the caller handles what is not JSON. */
    JsonNode tree(byte[] json) throws IOException {
        return mapper.readTree(json);
    }
}
