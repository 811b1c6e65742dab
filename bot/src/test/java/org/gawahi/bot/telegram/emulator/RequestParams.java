package org.gawahi.bot.telegram.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one Bot API call, whichever way they came: query string, JSON body,
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}. As with Telegram,
 * structured parameters (reply_markup, message_ids, ...) may be JSON values or JSON-encoded strings.
 */
final class RequestParams {
    record FilePart(String fileName, byte[] bytes) {
    }

    private final Map<String, JsonNode> values;
    private final Map<String, FilePart> files;
    private final ObjectMapper mapper;

    private RequestParams(Map<String, JsonNode> values, Map<String, FilePart> files, ObjectMapper mapper) {
        this.values = values;
        this.files = files;
        this.mapper = mapper;
    }

    static RequestParams empty(ObjectMapper mapper) {
        return new RequestParams(Map.of(), Map.of(), mapper);
    }

    static RequestParams parse(String contentType, byte[] body, String rawQuery, ObjectMapper mapper) throws ApiError {
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, FilePart> files = new HashMap<>();
        if (rawQuery != null) {
            putForm(values, rawQuery);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return new RequestParams(values, files, mapper);
        }
        if (type.startsWith("application/json")) {
            putJson(values, body, mapper);
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            putForm(values, new String(body, StandardCharsets.UTF_8));
        } else if (type.startsWith("multipart/form-data")) {
            String boundary = Multipart.boundary(contentType)
                    .orElseThrow(() -> ApiError.badRequest("multipart body without boundary"));
            for (Multipart.Part part : Multipart.parse(body, boundary)) {
                if (part.fileName().isPresent()) {
                    files.put(part.name(), new FilePart(part.fileName().get(), part.body()));
                } else {
                    values.put(part.name(), TextNode.valueOf(part.text()));
                }
            }
        } else {
            throw ApiError.badRequest("unsupported content type");
        }
        return new RequestParams(values, files, mapper);
    }

    private static void putJson(Map<String, JsonNode> values, byte[] body, ObjectMapper mapper) throws ApiError {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("can't parse JSON body");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("JSON body must be an object");
        }
        root.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
    }

    private static void putForm(Map<String, JsonNode> values, String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    TextNode.valueOf(URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
    }

    Optional<String> text(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isValueNode() ? value.asText() : value.toString());
    }

    String requiredText(String name, String whenMissing) throws ApiError {
        return text(name).orElseThrow(() -> ApiError.badRequest(whenMissing));
    }

    Optional<Long> number(String name) throws ApiError {
        Optional<String> raw = text(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.get().trim()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid " + name + " specified");
        }
    }

    boolean flag(String name) {
        return text(name).map(value -> value.equalsIgnoreCase("true") || value.equals("1")).orElse(false);
    }

    /** A structured parameter, whether sent as a JSON value or as a JSON-encoded string. */
    Optional<JsonNode> json(String name) throws ApiError {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            return Optional.of(value);
        }
        try {
            return Optional.of(mapper.readTree(value.asText()));
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("can't parse " + name + " JSON object");
        }
    }

    /** The chat id; {@code @username} chats are not emulated and so are "not found". */
    long chatId() throws ApiError {
        String raw = text("chat_id").filter(value -> !value.isBlank())
                .orElseThrow(() -> ApiError.badRequest("chat_id is empty"));
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("chat not found");
        }
    }

    /** The chat id for the request log, if the request names one. */
    Optional<Long> chatIdIfAny() {
        try {
            return values.containsKey("chat_id") ? Optional.of(chatId()) : Optional.empty();
        } catch (ApiError e) {
            return Optional.empty();
        }
    }

    Optional<FilePart> file(String name) {
        return Optional.ofNullable(files.get(Objects.requireNonNull(name)));
    }
}
